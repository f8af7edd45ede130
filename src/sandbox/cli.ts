#!/usr/bin/env node
import { HELP, parseCliArgs, UsageError } from './cli-args';
import { startSandbox } from './index';
import { packageVersion } from '../domain/package-version';

async function main(argv: string[]): Promise<number> {
  let config;
  try {
    config = parseCliArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`twocheckout-sandbox: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  if (config.kind === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (config.kind === 'version') {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  const log = config.verbose
    ? (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`)
    : undefined;
  let sandbox;
  try {
    sandbox = await startSandbox({ ...config.options, log });
  } catch (err) {
    process.stderr.write(
      `twocheckout-sandbox: cannot start: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    return 1;
  }
  process.stdout.write(
    `2Checkout SOAP 4.0 sandbox (a local stand-in, not 2Checkout) listening on ${sandbox.url}\n` +
      `WSDL: ${sandbox.wsdlUrl}\nStats: ${sandbox.adminUrl}stats\n`,
  );
  const running = sandbox;
  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: string): void => {
      if (stopping) return;
      stopping = true;
      process.stderr.write(`${signal}: stopping\n`);
      running.stop().then(
        () => resolve(0),
        () => resolve(1),
      );
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`twocheckout-sandbox: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
