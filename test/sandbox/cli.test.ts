import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { HELP, parseCliArgs } from '../../src/sandbox/cli-args';
import { session } from './helpers';

const ROOT = path.resolve(__dirname, '../..');
const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;
const CLI = path.join(ROOT, 'src/sandbox/cli.ts');
const REGISTER = path.join(__dirname, '..', '..', 'scripts', 'lib', 'ts-require.js');

describe('argument parsing', () => {
  test('flags map to options', () => {
    const config = parseCliArgs([
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--db',
      'x.sqlite',
      '--seed',
      's.json',
      '--merchant',
      'ACME:se:cret',
      '--session-ttl-s',
      '30',
      '--login-window-s',
      '60',
      '--latency-ms',
      '5',
      '--jitter-ms',
      '2',
      '--http500-rate',
      '0.1',
      '--http503-rate=0.05',
      '--reset-rate',
      '0.01',
      '--hang-rate',
      '0.001',
      '--fault-timing',
      'random',
      '--fault-seed',
      '9',
      '--fault-ops',
      'createCustomer,updateCustomerInformation',
      '--rate-limit',
      '50',
      '--rate-burst',
      '80',
      '--expire-sessions-every-s',
      '5',
    ]);
    expect(config).toEqual({
      kind: 'run',
      verbose: false,
      options: {
        port: 0,
        host: '127.0.0.1',
        db: 'x.sqlite',
        seed: 's.json',
        merchants: [{ code: 'ACME', secretKey: 'se:cret' }],
        sessionTtlMs: 30_000,
        loginWindowMs: 60_000,
        expireSessionsEveryMs: 5000,
        faults: {
          latencyMs: 5,
          jitterMs: 2,
          http500Rate: 0.1,
          http503Rate: 0.05,
          resetRate: 0.01,
          hangRate: 0.001,
          timing: 'random',
          seed: 9,
          operations: ['createCustomer', 'updateCustomerInformation'],
        },
        rateLimit: { requestsPerSecond: 50, burst: 80 },
      },
    });
  });

  test.each([
    [['--port', 'abc'], '--port: expected a number from 0 to 65535, got "abc"'],
    [['--http500-rate', '2'], '--http500-rate: expected a number from 0 to 1, got "2"'],
    [['--merchant', 'NOKEY'], '--merchant: expected CODE:KEY'],
    [['--fault-timing', 'sometimes'], '--fault-timing: expected before, after or random'],
    [['--bogus'], 'Unknown option --bogus (see --help)'],
    [['--db'], '--db needs a value'],
    [['--port', '1.5'], '--port: expected a whole number, got "1.5"'],
    [['--port', ''], '--port: expected a number from 0 to 65535, got ""'],
    [['--port', '--host', 'x'], '--port needs a value (to pass one starting with "-", write --port=VALUE)'],
    [['--port', '1', '--port', '2'], '--port is given twice'],
    [['--verbose=yes'], '--verbose takes no value'],
    [['--seed', 's.json', '--no-seed'], '--seed and --no-seed exclude each other'],
    [['stray'], 'Unexpected argument stray (see --help)'],
    [['--rate-burst', '5'], '--rate-burst needs --rate-limit'],
    [['--max-connections', '0'], '--max-connections: expected a number from 1 to 100000, got "0"'],
  ])('%j → %s', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });

  test('--help, -h and --version win over everything else; defaults without flags', () => {
    expect(parseCliArgs(['--port', '1', '-h'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['--version'])).toEqual({ kind: 'version' });
    expect(parseCliArgs([])).toEqual({ kind: 'run', verbose: false, options: { port: 8080 } });
  });

  test('--merchant repeats; --no-seed, --max-connections, --max-body-bytes and --verbose', () => {
    expect(
      parseCliArgs([
        '--merchant=A:1',
        '--merchant',
        'B:2',
        '--no-seed',
        '--max-connections',
        '16',
        '--max-body-bytes=2048',
        '--verbose',
      ]),
    ).toEqual({
      kind: 'run',
      verbose: true,
      options: {
        port: 8080,
        seed: false,
        maxConnections: 16,
        maxBodyBytes: 2048,
        merchants: [
          { code: 'A', secretKey: '1' },
          { code: 'B', secretKey: '2' },
        ],
      },
    });
  });

  test('the parser knows every flag --help lists', () => {
    const listed = [...HELP.matchAll(/^\s+(?:-h, )?(--[a-z0-9-]+)/gm)].map((m) => m[1]);
    expect(listed.length).toBeGreaterThan(20);
    for (const flag of listed) {
      expect(() => parseCliArgs([`${flag}=1`])).not.toThrow(/Unknown option/);
    }
  });
});

describe('the CLI process', () => {
  test('--help prints usage and exits 0', () => {
    const out = spawnSync(process.execPath, ['-r', REGISTER, CLI, '--help'], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('--http500-rate');
    expect(out.stdout).toContain('not 2Checkout');
  });

  test('--version prints the package version and exits 0', () => {
    const out = spawnSync(process.execPath, ['-r', REGISTER, CLI, '--version'], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(out.status).toBe(0);
    expect(out.stdout).toBe(`${VERSION}\n`);
  });

  test('a bad flag exits 2 with a message on stderr', () => {
    const out = spawnSync(process.execPath, ['-r', REGISTER, CLI, '--nope'], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('Unknown option --nope');
  });

  test('starts, prints its URL, serves, never prints the key, and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['-r', REGISTER, CLI, '--port', '0', '--merchant', 'CLI:CLI_SECRET', '--verbose'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${stdout} ${stderr}`)), 20_000);
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        const m = /listening on (http:\/\/\S+)/.exec(stdout);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
    });
    const s = await session(url, 'CLI', 'CLI_SECRET');
    await s.call('getCustomerInformation', [['AvangateCustomerReference', 1001]]);
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    const all = stdout + stderr;
    expect(stderr).toContain('login merchant=CLI status=200');
    expect(all).not.toContain('CLI_SECRET');
    expect(all).not.toContain(s.id);
  });
});
