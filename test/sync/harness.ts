import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CLI = path.join(ROOT, 'dist', 'src', 'sync', 'cli.js');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Environment for the CLI against a sandbox: demo credentials, no .env, no proxy. */
export function cliEnv(url: string, dir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const emptyEnv = path.join(dir, 'empty.env');
  if (!fs.existsSync(emptyEnv)) fs.writeFileSync(emptyEnv, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TWOCHECKOUT_MERCHANT_CODE: 'DEMO',
    TWOCHECKOUT_SECRET_KEY: 'DEMO_SECRET_KEY',
    TWOCHECKOUT_SOAP_URL: url,
    NO_PROXY: '127.0.0.1,localhost',
    ...extra,
  };
  return env;
}

export function startCli(args: string[], env: NodeJS.ProcessEnv, cwd: string): ChildProcess {
  return spawn(
    process.execPath,
    [CLI, ...args, '--dotenv', path.join(cwd, 'empty.env'), '--progress', 'none'],
    {
      env,
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

export function finish(child: ChildProcess): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export function runCli(args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<CliResult> {
  return finish(startCli(args, env, cwd));
}

export async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

export function readNdjson<T = Record<string, unknown>>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

export async function waitFor(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
