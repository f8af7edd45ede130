// A new user's first install, end to end: `npm pack`, then a fresh project installs the tarball
// offline from the npm cache with scripts disabled and nothing but `node` on PATH (no python, make
// or compiler), uses the client and the in-memory sandbox from CommonJS and from ESM, and compiles
// TypeScript consumers with the oldest supported TypeScript (4.7) and the current one.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFiles, pack, ROOT, runNpm, writeConsumerProject } from './pack';

const FIXTURES = path.join(__dirname, 'fixtures');
const TSC_OLDEST = path.join(ROOT, 'node_modules', 'typescript-4-7', 'bin', 'tsc');
const TSC_CURRENT = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;

let work: string;
let tarball: string;
let app: string;
let installMs: number;
beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'consumer-'));
  const packed = await pack(work);
  tarball = packed.tarball as string;
  app = path.join(work, 'app');
  fs.mkdirSync(app);
  writeConsumerProject(app, tarball);
  const started = process.hrtime.bigint();
  await runNpm(['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], app);
  installMs = Number(process.hrtime.bigint() - started) / 1e6;
  for (const f of fs.readdirSync(FIXTURES)) fs.copyFileSync(path.join(FIXTURES, f), path.join(app, f));
}, 300_000);
afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[], cwd = app, timeout = 60_000): Promise<Run> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, timeout, encoding: 'utf8' }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const node = (args: string[]): Promise<Run> => run(process.execPath, args);

describe('install', () => {
  test('installs with scripts off and no toolchain; no native module comes along', () => {
    const installed = path.join(app, 'node_modules', 'twocheckout-soap', 'package.json');
    expect(JSON.parse(fs.readFileSync(installed, 'utf8')).version).toBe(VERSION);
    expect(fs.existsSync(path.join(app, 'node_modules', 'better-sqlite3'))).toBe(false);
    expect(findFiles(path.join(app, 'node_modules'), (n) => n.endsWith('.node'))).toEqual([]);
    process.stdout.write(`offline install with --ignore-scripts: ${(installMs / 1000).toFixed(1)} s\n`);
  });
});

describe('runtime', () => {
  test('CommonJS: the root loads the client only; the client works against the in-memory sandbox', async () => {
    const out = await node(['smoke.cjs']);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const r = JSON.parse(out.stdout) as {
      rootExports: string[];
      loadedByRoot: string[];
      syncExports: string[];
      firstName: string;
      outcome: string;
      city: string;
      notFound: string;
      deep: string;
      version: string;
      stats: { logins: number };
    };
    expect(r.rootExports).toEqual(
      expect.arrayContaining(['createTwoCheckoutClient', 'fromEnv', 'NotFoundError']),
    );
    expect(r.rootExports).not.toContain('startSandbox');
    expect(r.rootExports).not.toContain('runSync');
    const own = r.loadedByRoot.filter((f) => f.includes('/node_modules/twocheckout-soap/'));
    expect(own.length).toBeGreaterThan(10);
    expect(own.filter((f) => /\/dist\/src\/(sandbox|sync)\//.test(f))).toEqual([]);
    expect(r.loadedByRoot.filter((f) => /\/node_modules\/(saxes|better-sqlite3)\//.test(f))).toEqual([]);
    expect(r.syncExports).toContain('runSync');
    expect(r).toMatchObject({
      firstName: 'Ada',
      outcome: 'updated',
      city: 'Consumerville',
      notFound: 'NOT_FOUND_CUSTOMER',
      deep: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
      version: VERSION,
      stats: { logins: 1 },
    });
    const soap = r.loadedByRoot.filter((f) => f.includes('/node_modules/soap/')).length;
    process.stdout.write(
      `require('twocheckout-soap'): ${r.loadedByRoot.length} modules (${own.length} own, ${soap} from node-soap)\n`,
    );
  });

  test('ES modules: named imports of the three entry points work', async () => {
    const out = await node(['smoke.mjs']);
    expect(out.stderr).toBe('');
    expect(JSON.parse(out.stdout)).toEqual({
      firstName: 'Grace',
      validationError: 'function',
      runSync: 'function',
    });
  });

  test('twocheckout-sandbox --db says that better-sqlite3 is needed, without a stack trace', async () => {
    const bin = path.join(app, 'node_modules', '.bin', 'twocheckout-sandbox');
    const out = await run(bin, ['--port', '0', '--db', path.join(work, 'state.sqlite')]);
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('install better-sqlite3 to use --db');
    expect(out.stderr).toContain('npm install better-sqlite3');
    expect(out.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(path.join(work, 'state.sqlite'))).toBe(false);
  });

  test('startSandbox({ db }) rejects with the same message', async () => {
    const script =
      "require('twocheckout-soap/sandbox').startSandbox({ db: 'x.sqlite' })" +
      '.then(() => console.log("started"), (e) => console.log(e.message))';
    const out = await node(['-e', script]);
    expect(out.stdout).toMatch(/^install better-sqlite3 to use --db \(options\.db\)/);
  });

  test('the CLIs answer --version', async () => {
    for (const cli of ['twocheckout-sandbox', 'twocheckout-sync']) {
      const out = await run(path.join(app, 'node_modules', '.bin', cli), ['--version']);
      expect([cli, out.code, out.stdout]).toEqual([cli, 0, `${VERSION}\n`]);
    }
  });
});

describe('better-sqlite3 installed with scripts disabled (so never built)', () => {
  let withSqlite: string;
  beforeAll(async () => {
    withSqlite = path.join(work, 'app-with-sqlite');
    fs.mkdirSync(withSqlite);
    writeConsumerProject(withSqlite, tarball, ['better-sqlite3']);
    await runNpm(['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], withSqlite);
  }, 300_000);

  test('--db says to rebuild it, and the in-memory sandbox still works', async () => {
    expect(fs.existsSync(path.join(withSqlite, 'node_modules', 'better-sqlite3', 'package.json'))).toBe(true);
    const bin = path.join(withSqlite, 'node_modules', '.bin', 'twocheckout-sandbox');
    const out = await run(bin, ['--port', '0', '--db', path.join(work, 'unbuilt.sqlite')], withSqlite);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('better-sqlite3 is installed but its native module is missing');
    expect(out.stderr).toContain('npm rebuild better-sqlite3');
    const script =
      "require('twocheckout-soap/sandbox').startSandbox({ port: 0 })" +
      ".then((s) => { console.log(s.customers('DEMO').length); return s.stop(); })";
    const memory = await run(process.execPath, ['-e', script], withSqlite);
    expect(memory).toMatchObject({ code: 0, stdout: '10\n' });
  });
});

/** tsc's diagnostics, one entry per error (continuation lines joined). */
async function tsc(compiler: string, project: Record<string, unknown>, name: string): Promise<string[]> {
  const file = path.join(app, `tsconfig.${name}.json`);
  fs.writeFileSync(file, JSON.stringify(project, null, 2));
  const out = await run(process.execPath, [compiler, '-p', file, '--pretty', 'false'], app, 180_000);
  const errors: string[] = [];
  for (const line of out.stdout.split('\n')) {
    if (/^\S.*error TS\d+/.test(line)) errors.push(line);
    else if (line.trim() && errors.length > 0) errors[errors.length - 1] += ` ${line.trim()}`;
  }
  if (out.code !== 0 && errors.length === 0) throw new Error(`tsc failed: ${out.stdout} ${out.stderr}`);
  return errors;
}

function project(
  compilerOptions: Record<string, unknown>,
  files: string[],
  extra: Record<string, unknown> = {},
) {
  return {
    compilerOptions: {
      target: 'ES2020',
      lib: ['ES2022'],
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      types: ['node'],
      typeRoots: [path.join(ROOT, 'node_modules', '@types')],
      ...compilerOptions,
    },
    files,
    ...extra,
  };
}

const NODE10 = { module: 'commonjs', moduleResolution: 'node' };
const NODENEXT = { module: 'nodenext', moduleResolution: 'nodenext' };
const CONSUMERS = ['consumer.ts', 'root-only.ts'];

describe('TypeScript consumers', () => {
  beforeAll(() => fs.copyFileSync(path.join(app, 'consumer.ts'), path.join(app, 'consumer.mts')));

  // @types/node 20 declares support from TypeScript 5.3 on; under 4.7 three of its web-stream
  // declarations do not type-check. Those lines are @types/node's, not ours, and a 4.7 project
  // pins an older @types/node or sets skipLibCheck; every other diagnostic fails the test.
  const notNodeTypes = (errors: string[]): string[] => errors.filter((e) => !e.includes('/@types/node/'));

  test('TypeScript 4.7 parses every declaration file in the package', async () => {
    const errors = await tsc(
      TSC_OLDEST,
      project({ ...NODE10, skipLibCheck: true }, ['consumer.ts'], {
        include: ['node_modules/twocheckout-soap/dist/**/*.d.ts'],
      }),
      'ts47-all',
    );
    expect(errors).toEqual([]);
  });

  test.each([
    ['commonjs / node10', NODE10, CONSUMERS],
    ['nodenext (CommonJS and ESM files)', NODENEXT, [...CONSUMERS, 'consumer.mts']],
  ])('TypeScript 4.7, %s: the consumer compiles against the tarball', async (name, options, files) => {
    expect(
      notNodeTypes(await tsc(TSC_OLDEST, project(options, files), `ts47-${name.split(' ')[0]}`)),
    ).toEqual([]);
  });

  test.each([
    ['commonjs / node10', { module: 'commonjs', moduleResolution: 'node10' }, CONSUMERS],
    ['nodenext (CommonJS and ESM files)', NODENEXT, [...CONSUMERS, 'consumer.mts']],
    ['bundler', { module: 'esnext', moduleResolution: 'bundler' }, CONSUMERS],
  ])('current TypeScript, %s: the consumer compiles against the tarball', async (name, options, files) => {
    expect(await tsc(TSC_CURRENT, project(options, files), `current-${name.split(' ')[0]}`)).toEqual([]);
  });
});
