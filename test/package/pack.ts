// Test helpers for the package as a user gets it: `npm pack` of the built repo, and a fresh
// project that installs the tarball the way a locked-down CI or a legacy service would (offline,
// scripts disabled, no compiler toolchain on PATH).
import { execFile, execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

export interface PackedFile {
  path: string;
  size: number;
}

export interface PackResult {
  /** Absolute path of the .tgz (undefined for a dry run). */
  tarball?: string;
  files: PackedFile[];
  size: number;
  unpackedSize: number;
  entryCount: number;
}

/** npm's own CLI script: tests run under `npm test` or `npx jest`, which both set npm_execpath. */
export function npmCli(): string {
  const exec = process.env.npm_execpath;
  if (exec && fs.existsSync(exec)) return path.join(path.dirname(exec), 'npm-cli.js');
  const onPath = execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim();
  return path.join(path.dirname(fs.realpathSync(onPath)), 'npm-cli.js');
}

/** The npm cache `npm ci` filled (the tests install from it, offline). */
export function npmCache(): string {
  return process.env.npm_config_cache || path.join(os.homedir(), '.npm');
}

/**
 * Runs npm with a PATH that holds nothing but `node`: no python, make, cc or g++, so any attempt
 * to build a native module fails, and npm's config comes only from what is passed here.
 */
export function runNpm(args: string[], cwd: string, timeoutMs = 240_000): Promise<string> {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'node-only-bin-'));
  fs.symlinkSync(process.execPath, path.join(bin, 'node'));
  const env = {
    PATH: bin,
    HOME: os.homedir(),
    npm_config_cache: npmCache(),
    npm_config_update_notifier: 'false',
    npm_config_loglevel: 'warn',
  };
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [npmCli(), ...args],
      { cwd, env, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (err, stdout, stderr) => {
        fs.rmSync(bin, { recursive: true, force: true });
        if (err)
          reject(new Error(`npm ${args.join(' ')} failed in ${cwd}: ${err.message}\n${stdout}\n${stderr}`));
        else resolve(stdout);
      },
    );
  });
}

function assertBuilt(): void {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'src', 'index.js'))) {
    throw new Error('dist/ is missing: build first (npm run build; npm test does it)');
  }
}

/** `npm pack` of the repo as built (scripts off: dist/ is what `npm run build` left). */
export async function pack(destination?: string): Promise<PackResult> {
  assertBuilt();
  const args = ['pack', '--json', '--ignore-scripts'];
  if (destination) args.push('--pack-destination', destination);
  else args.push('--dry-run');
  const out = JSON.parse(await runNpm(args, ROOT)) as (PackResult & { filename: string })[];
  const [result] = out;
  return { ...result, tarball: destination ? path.join(destination, result.filename) : undefined };
}

interface LockEntry {
  dev?: boolean;
  devOptional?: boolean;
  [key: string]: unknown;
}

/**
 * A consumer project with a lockfile, so that `npm ci --offline` needs only tarballs that the
 * repo's own `npm ci` put in the cache: the tarball as its one dependency, and for the packages
 * under it the repo lockfile's production entries (the same versions, at the same places).
 * Without a lockfile npm would resolve ranges against cached metadata, which may name versions
 * newer than the cache holds.
 */
export function writeConsumerProject(dir: string, tarball: string, extraDependencies: string[] = []): void {
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  const spec = `file:${path.relative(dir, tarball)}`;
  const integrity = `sha512-${crypto.createHash('sha512').update(fs.readFileSync(tarball)).digest('base64')}`;
  const packages: Record<string, unknown> = {
    '': { name: 'consumer', version: '1.0.0', dependencies: { 'twocheckout-soap': spec } },
    'node_modules/twocheckout-soap': {
      version: pkg.version,
      resolved: spec,
      integrity,
      license: pkg.license,
      dependencies: pkg.dependencies,
      peerDependencies: pkg.peerDependencies,
      peerDependenciesMeta: pkg.peerDependenciesMeta,
      bin: pkg.bin,
      engines: pkg.engines,
    },
  };
  for (const [where, entry] of Object.entries(lock.packages)) {
    if (where !== '' && !entry.dev && !entry.devOptional) packages[where] = entry;
  }
  // Packages the consumer adds itself (e.g. better-sqlite3), with everything they depend on, at
  // the places and versions of the repo's own tree.
  const dependencies: Record<string, string> = { 'twocheckout-soap': spec };
  for (const name of extraDependencies) {
    const top = `node_modules/${name}`;
    dependencies[name] = String(lock.packages[top]?.version);
    for (const where of closure(lock.packages, top)) {
      const { dev: _dev, devOptional: _devOptional, ...entry } = lock.packages[where];
      packages[where] = entry;
    }
  }
  (packages[''] as { dependencies: Record<string, string> }).dependencies = dependencies;
  const manifest = { name: 'consumer', version: '1.0.0', private: true, dependencies };
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  fs.writeFileSync(
    path.join(dir, 'package-lock.json'),
    `${JSON.stringify({ name: 'consumer', version: '1.0.0', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`,
  );
}

/** The lockfile paths of `start` and of everything it depends on, resolved as Node would. */
function closure(packages: Record<string, LockEntry>, start: string): Set<string> {
  const found = new Set<string>();
  const resolve = (from: string, name: string): string => {
    for (let base = from; ;) {
      const candidate = `${base}/node_modules/${name}`;
      if (packages[candidate]) return candidate;
      const up = base.lastIndexOf('/node_modules/');
      if (up < 0) break;
      base = base.slice(0, up);
    }
    if (packages[`node_modules/${name}`]) return `node_modules/${name}`;
    throw new Error(`package-lock.json has no ${name} for ${from}`);
  };
  const visit = (where: string): void => {
    if (found.has(where)) return;
    if (!packages[where]) throw new Error(`package-lock.json has no ${where}`);
    found.add(where);
    const deps = (packages[where].dependencies ?? {}) as Record<string, string>;
    for (const name of Object.keys(deps)) visit(resolve(where, name));
  };
  visit(start);
  return found;
}

/** Every file under `dir` whose name matches, recursively (symlinks not followed). */
export function findFiles(dir: string, match: (name: string) => boolean): string[] {
  const found: string[] = [];
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && match(entry.name)) found.push(full);
    }
  };
  walk(dir);
  return found;
}
