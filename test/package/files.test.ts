// What `npm pack` puts in the tarball, and what package.json promises: the rules a new user's
// first install checks without knowing it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pack, ROOT, type PackResult } from './pack';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  license: string;
  keywords?: string[];
  homepage?: string;
  repository?: { type: string; url: string };
  main: string;
  types: string;
  bin: Record<string, string>;
  exports: Record<string, string | Record<string, string>>;
  typesVersions: Record<string, Record<string, string[]>>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
};

let result: PackResult;
let files: Set<string>;
beforeAll(async () => {
  result = await pack();
  files = new Set(result.files.map((f) => f.path));
}, 120_000);

const list = (): string[] => [...files];

describe('the tarball', () => {
  test('holds the licence, the changelog, the README, .env.example, the WSDL and every doc', () => {
    const docs = execFileSync('git', ['ls-files', 'docs'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    expect(docs.length).toBeGreaterThan(3);
    for (const f of [
      'LICENSE',
      'CHANGELOG.md',
      'README.md',
      '.env.example',
      'wsdl/2checkout-soap-4.0.wsdl',
      ...docs,
    ]) {
      expect([f, files.has(f)]).toEqual([f, true]);
    }
    expect(fs.readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
  });

  test('ships no TypeScript sources, examples, tests or scripts: only dist/ beside the data it needs', () => {
    const stray = list().filter(
      (f) =>
        (f.endsWith('.ts') && !f.endsWith('.d.ts')) ||
        /^(src|generated|test|scripts|examples|dist\/examples|dist\/test|dist\/scripts)\//.test(f) ||
        f.endsWith('.tsbuildinfo') ||
        /(^|\/)\.env$/.test(f),
    );
    expect(stray).toEqual([]);
    expect(list().filter((f) => f.startsWith('dist/') && !/^dist\/(src|generated)\//.test(f))).toEqual([]);
    const top = new Set(list().map((f) => f.split('/')[0]));
    expect([...top].sort()).toEqual(
      ['.env.example', 'CHANGELOG.md', 'LICENSE', 'README.md', 'dist', 'docs', 'package.json', 'wsdl'].sort(),
    );
  });

  test('generated code ships compiled (js + d.ts), without source maps of generated TS', () => {
    const generated = list().filter((f) => f.startsWith('dist/generated/'));
    expect(generated.some((f) => f.endsWith('schema.js'))).toBe(true);
    expect(generated.filter((f) => !f.endsWith('.js') && !f.endsWith('.d.ts'))).toEqual([]);
  });

  test('every compiled module has its declarations, and its map carries its own sources', () => {
    const js = list().filter((f) => f.startsWith('dist/src/') && f.endsWith('.js'));
    expect(js.length).toBeGreaterThan(50);
    expect(js.filter((f) => !files.has(f.replace(/\.js$/, '.d.ts')))).toEqual([]);
    const map = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist/src/index.js.map'), 'utf8')) as {
      sourcesContent?: string[];
    };
    expect(map.sourcesContent?.[0]).toContain('export * from');
  });

  test('the sandbox seed data ships beside the compiled sandbox', () => {
    expect(files.has('dist/src/sandbox/seed/demo.json')).toBe(true);
  });

  test('every path package.json names is in the tarball', () => {
    const named = [
      pkg.main,
      pkg.types,
      ...Object.values(pkg.bin),
      ...Object.values(pkg.exports).flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e))),
      ...Object.values(pkg.typesVersions).flatMap((m) => Object.values(m).flat()),
    ].map((p) => p.replace(/^\.\//, ''));
    expect(named.filter((p) => !files.has(p))).toEqual([]);
  });

  test('is measured: size and file count (printed for the record)', () => {
    expect(result.entryCount).toBe(files.size);
    process.stdout.write(
      `tarball: ${(result.size / 1024).toFixed(0)} kB packed, ${(result.unpackedSize / 1024).toFixed(0)} kB unpacked, ${result.entryCount} files\n`,
    );
  });
});

describe('package.json', () => {
  test('exports: the client at the root, the sandbox and the sync as subpaths, types first', () => {
    expect(Object.keys(pkg.exports).sort()).toEqual(['.', './package.json', './sandbox', './sync']);
    for (const key of ['.', './sandbox', './sync']) {
      const entry = pkg.exports[key] as Record<string, string>;
      expect(Object.keys(entry)[0]).toBe('types');
      expect(entry.types.replace(/\.d\.ts$/, '.js')).toBe(entry.default);
    }
    expect(pkg.typesVersions['*']).toEqual({
      sandbox: [(pkg.exports['./sandbox'] as Record<string, string>).types],
      sync: [(pkg.exports['./sync'] as Record<string, string>).types],
    });
  });

  test('better-sqlite3 is an optional peer (no native build forced), and a devDependency for our tests', () => {
    expect(pkg.dependencies['better-sqlite3']).toBeUndefined();
    expect(pkg.peerDependencies['better-sqlite3']).toBeDefined();
    expect(pkg.peerDependenciesMeta['better-sqlite3']).toEqual({ optional: true });
    expect(pkg.devDependencies['better-sqlite3']).toBeDefined();
  });

  test('states the minimum TypeScript, the one the consumer test compiles with, and so does the README', () => {
    const floor = /^npm:typescript@(\d+\.\d+)\.\d+$/.exec(pkg.devDependencies['typescript-4-7'] ?? '')?.[1];
    expect(floor).toBe('4.7');
    expect(pkg.peerDependencies.typescript).toBe(`>=${floor}`);
    expect(pkg.peerDependenciesMeta.typescript).toEqual({ optional: true });
    expect(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain(`TypeScript ≥ ${floor}`);
  });

  test('names its licence, repository, homepage and keywords', () => {
    expect(pkg.license).toBe('MIT');
    expect(pkg.repository?.type).toBe('git');
    expect(pkg.repository?.url).toMatch(/^git\+https:\/\/\S+\.git$/);
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.keywords).toEqual(expect.arrayContaining(['2checkout', 'soap']));
  });

  test('the README links to docs/ and .env.example resolve inside the tarball', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const links = [...readme.matchAll(/\]\(((?:docs\/|\.env\.example)[^)#\s]*)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(3);
    expect(links.filter((l) => !files.has(l))).toEqual([]);
  });
});
