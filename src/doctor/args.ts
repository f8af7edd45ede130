import { parseArgs } from 'node:util';
import type { CustomerKey } from '../customers/api';

/** What `twocheckout-sync doctor` was asked to do. Credentials never come from the command line. */
export interface DoctorSettings {
  /** Print the report as JSON instead of text. */
  json: boolean;
  /** Read this customer after logging in. */
  customer?: CustomerKey;
  /** Try the other hash algorithms when the configured one is refused (default on). */
  probeAlgorithms: boolean;
  /** The same client overrides as the sync's (--url, --timeout-ms, --dotenv). */
  client: {
    /** The service URL (instead of TWOCHECKOUT_SOAP_URL). */
    url?: string;
    /** Per-request timeout in ms. */
    timeoutMs?: number;
    /** The .env file to read. */
    envFile?: string;
  };
}

export type DoctorCommand = { kind: 'help' } | { kind: 'run'; settings: DoctorSettings };

export class DoctorUsageError extends Error {
  override readonly name = 'DoctorUsageError';
}

const OPTIONS = {
  json: { type: 'boolean' },
  customer: { type: 'string' },
  'no-probe': { type: 'boolean' },
  url: { type: 'string' },
  'timeout-ms': { type: 'string' },
  dotenv: { type: 'string' },
  // The old spelling, as the sync still takes it (Node 20 itself intercepts it when the file is missing).
  'env-file': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `1001` is an AvangateCustomerReference; anything else (or `ext:…`) an ExternalCustomerReference. */
export function parseCustomerKey(text: string): CustomerKey {
  if (text.startsWith('ext:')) {
    const external = text.slice(4);
    if (external === '') throw new DoctorUsageError('--customer ext: needs a reference after "ext:"');
    return { external };
  }
  if (/^\d+$/.test(text)) {
    const ref = Number(text);
    if (!Number.isSafeInteger(ref) || ref < 1)
      throw new DoctorUsageError(`--customer: ${text} is not a valid AvangateCustomerReference`);
    return ref;
  }
  if (text.trim() === '') throw new DoctorUsageError('--customer needs a reference');
  return { external: text };
}

export function parseDoctorArgs(argv: readonly string[]): DoctorCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: true });
  } catch (e) {
    throw new DoctorUsageError(`${(e as Error).message} (see twocheckout-sync doctor --help)`, { cause: e });
  }
  const v = parsed.values;
  if (v.help) return { kind: 'help' };
  if (parsed.positionals.length > 0) {
    throw new DoctorUsageError(
      `unexpected argument ${JSON.stringify(parsed.positionals[0])} (see twocheckout-sync doctor --help)`,
    );
  }
  if (v.url !== undefined) {
    if (!URL.canParse(v.url) || !['http:', 'https:'].includes(new URL(v.url).protocol))
      throw new DoctorUsageError(`--url must be an absolute http(s) URL; got ${JSON.stringify(v.url)}`);
  }
  let timeoutMs: number | undefined;
  if (v['timeout-ms'] !== undefined) {
    timeoutMs = Number(v['timeout-ms']);
    if (!/^\d+$/.test(v['timeout-ms']) || timeoutMs < 1 || timeoutMs > 600_000)
      throw new DoctorUsageError(
        `--timeout-ms must be a whole number from 1 to 600000; got ${JSON.stringify(v['timeout-ms'])}`,
      );
  }
  if (v.dotenv !== undefined && v['env-file'] !== undefined)
    throw new DoctorUsageError('--dotenv and --env-file name the same setting: give one');
  const dotenv = v.dotenv ?? v['env-file'];
  return {
    kind: 'run',
    settings: {
      json: v.json ?? false,
      ...(v.customer !== undefined ? { customer: parseCustomerKey(v.customer) } : {}),
      probeAlgorithms: !v['no-probe'],
      client: {
        ...(v.url !== undefined ? { url: v.url } : {}),
        ...(timeoutMs !== undefined ? { timeoutMs } : {}),
        ...(dotenv !== undefined ? { envFile: dotenv } : {}),
      },
    },
  };
}
