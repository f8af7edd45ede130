'use strict';
// Lets plain node require the TypeScript sources (src/, test/ helpers) without a build, as ts-jest
// does for the tests: each .ts file is transpiled on load (no type-check). Scripts require it; test
// child processes preload it with `node -r scripts/lib/ts-require.js`.
const fs = require('node:fs');
const ts = require('typescript');

if (!require.extensions['.ts']) {
  require.extensions['.ts'] = (module, filename) => {
    const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
      fileName: filename,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
        resolveJsonModule: true,
      },
    });
    module._compile(outputText, filename);
  };
}
