import fs from 'node:fs';
import path from 'node:path';
import type { Sandbox, SandboxOptions } from '../../src/sandbox';
import { type CliResult, cliEnv, runCli } from './harness';
import { requireBuiltCli, startTestSandbox } from './sandbox-fixtures';
import { makeTmpDir, removeDir } from './tmp-dir';

/** A fresh sandbox and a temporary directory per test, for tests that run the compiled CLI. */
export interface CliWorkspace {
  readonly sandbox: Sandbox;
  readonly dir: string;
  /** Writes `text` to `name` in the directory; returns its path. */
  write(name: string, text: string | Buffer): string;
  /** Runs the CLI in the directory against the sandbox (or `url`), with the test environment. */
  run(args: string[], extraEnv?: Record<string, string>, url?: string): Promise<CliResult>;
}

/** Registers the jest hooks of a describe block and returns its workspace (valid inside tests). */
export function useCliWorkspace(options: SandboxOptions = {}): CliWorkspace {
  let sandbox: Sandbox | undefined;
  let dir: string | undefined;
  beforeAll(requireBuiltCli);
  beforeEach(async () => {
    sandbox = await startTestSandbox(options);
    dir = makeTmpDir();
  });
  afterEach(async () => {
    await sandbox?.stop();
    if (dir) removeDir(dir);
  });
  const ws: CliWorkspace = {
    get sandbox(): Sandbox {
      if (!sandbox) throw new Error('the workspace exists only inside a test');
      return sandbox;
    },
    get dir(): string {
      if (!dir) throw new Error('the workspace exists only inside a test');
      return dir;
    },
    write(name, text) {
      const file = path.join(ws.dir, name);
      fs.writeFileSync(file, text);
      return file;
    },
    run(args, extraEnv = {}, url) {
      return runCli(args, cliEnv(url ?? ws.sandbox.url, ws.dir, extraEnv), ws.dir);
    },
  };
  return ws;
}
