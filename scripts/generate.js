#!/usr/bin/env node
'use strict';
// npm run generate: wsdl/*.wsdl -> generated/<name>/ (schema model; typed stubs are added by the codegen issue).
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { readWsdlModel } = require('./lib/wsdl-model');

const ROOT = path.resolve(__dirname, '..');

function banner(wsdlRel, sha256) {
  return [
    '// GENERATED FILE - DO NOT EDIT.',
    `// Source: ${wsdlRel} (sha256 ${sha256})`,
    '// Regenerate with `npm run generate`; `npm run generate:check` fails when this file is stale.',
    '',
  ].join('\n');
}

async function generateSchema(wsdlFile, outDir) {
  const wsdlRel = path.relative(ROOT, wsdlFile).split(path.sep).join('/');
  const sha256 = crypto.createHash('sha256').update(fs.readFileSync(wsdlFile)).digest('hex');
  const model = await readWsdlModel(wsdlFile);
  const body =
    banner(wsdlRel, sha256) +
    `\nexport const wsdlSha256 = '${sha256}';\n\n` +
    `export const schema = ${JSON.stringify(model, null, 2)} as const;\n\n` +
    'export type Schema = typeof schema;\n';
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'schema.ts'), body);
}

async function main() {
  const wsdlFile = path.join(ROOT, 'wsdl', '2checkout-soap-4.0.wsdl');
  await generateSchema(wsdlFile, path.join(ROOT, 'generated', 'twocheckout'));
}

main().catch((err) => {
  console.error(`generate: ${err.message}`);
  process.exit(1);
});
