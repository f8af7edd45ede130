import type { Env } from '../client/config';
import { optionsFromEnv } from '../client/config';
import { Redactor } from '../client/redact';
import { DoctorUsageError, parseDoctorArgs } from './args';
import { DOCTOR_HELP } from './help';
import { renderJson, renderText } from './report';
import { runDoctor } from './run-doctor';

export { parseDoctorArgs, DoctorUsageError, type DoctorSettings, type DoctorCommand } from './args';
export { runDoctor, type DoctorDeps } from './run-doctor';
export type { DoctorReport, Check, CheckId, CheckStatus, Cause, CauseId } from './report';
export { DOCTOR_HELP } from './help';

export interface DoctorIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Default: process.env plus ./.env, as the sync. */
  env?: Env;
}

/** The secret key as configured, for a last redaction pass; undefined when it cannot be read. */
function configuredSecret(env: Env | undefined, envFile: string | undefined): string | undefined {
  try {
    return optionsFromEnv(env, envFile !== undefined ? { envFile } : {}).secretKey;
  } catch {
    return undefined;
  }
}

/** `twocheckout-sync doctor …`: prints the report and returns the exit code (0 all passed, 2 otherwise). */
export async function doctorMain(
  argv: readonly string[],
  io: DoctorIo = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  let command;
  try {
    command = parseDoctorArgs(argv);
  } catch (err) {
    if (err instanceof DoctorUsageError) {
      io.stderr.write(`twocheckout-sync doctor: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  if (command.kind === 'help') {
    io.stdout.write(DOCTOR_HELP);
    return 0;
  }
  const { settings } = command;
  const report = await runDoctor(settings, io.env !== undefined ? { env: io.env } : {});
  const text = settings.json ? renderJson(report) : renderText(report);
  // Nothing the doctor prints is built from the key, hashes or sessions; this pass makes sure.
  const secret = configuredSecret(io.env, settings.client.envFile);
  io.stdout.write(new Redactor(secret ? [secret] : []).redact(text));
  return report.exitCode;
}
