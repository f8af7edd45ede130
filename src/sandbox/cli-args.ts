import type { FaultTiming, SandboxMerchant, SandboxOptions } from './options';

export const HELP = `Usage: twocheckout-sandbox [options]    (npm run sandbox -- [options])

A local stand-in for 2Checkout's SOAP API 4.0, built from the public documentation.
It is not 2Checkout: use it for tests, demos and rehearsals.

Server
  --port N                 listen port (default 8080; 0 = any free port)
  --host ADDR              listen address (default 127.0.0.1)
  --db FILE                keep state in this SQLite file (survives restarts; default: memory)
  --seed FILE              load merchants and data from a JSON seed (default: the bundled demo seed)
  --no-seed                start with no data (add merchants with --merchant)
  --merchant CODE:KEY      add a merchant (repeatable); keys are never printed
  --allow-md5              accept the legacy 3-part HMAC-MD5 login (refused by default, as the
                           live service does since 2024); for rehearsing old code such as the
                           vendor's 4.0 sample
  --login-window-s N       accepted login date skew either way, seconds (default 600)
  --session-ttl-s N        session lifetime from login, seconds (default 600)
  --expire-sessions-every-s N   expire all sessions periodically
  --max-body-bytes N       larger requests get HTTP 413 (default 1048576)
  --verbose                one log line per request (never keys, hashes or session IDs)

Fault injection (deterministic for a given --fault-seed and request order)
  --latency-ms N           added to every SOAP request
  --jitter-ms N            plus a uniform random 0..N ms
  --http500-rate R         0..1: SOAP-ENV:Server fault with HTTP 500
  --http503-rate R         0..1: HTTP 503 with a non-SOAP body
  --reset-rate R           0..1: connection reset instead of an answer
  --hang-rate R            0..1: never answer
  --fault-timing T         before | after | random: whether an injected 500/reset happens
                           before or after the operation is applied (default after)
  --fault-ops A,B          inject only into these operations
  --fault-seed N           PRNG seed (default 1)
  --rate-limit N           per-merchant requests per second (TOO_MANY_REQUESTS beyond)
  --rate-burst N           bucket size for --rate-limit (default N)

  -h, --help               show this help
`;

export class UsageError extends Error {}

function num(flag: string, text: string | undefined, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (text === undefined || text === '') throw new UsageError(`${flag} needs a value`);
  const n = Number(text);
  if (!Number.isFinite(n) || n < min || n > max)
    throw new UsageError(`${flag}: expected a number from ${min} to ${max}, got "${text}"`);
  return n;
}

export type CliConfig = { help: true } | { help: false; options: SandboxOptions; verbose: boolean };

export function parseCliArgs(argv: string[]): CliConfig {
  const options: SandboxOptions = { port: 8080 };
  const faults: NonNullable<SandboxOptions['faults']> = {};
  const merchants: SandboxMerchant[] = [];
  let faulty = false;
  let verbose = false;
  let rate: number | undefined;
  let burst: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '-h':
      case '--help':
        return { help: true };
      case '--port':
        options.port = num(flag, value(), 0, 65535);
        break;
      case '--host':
        options.host = value();
        break;
      case '--db':
        options.db = value();
        break;
      case '--seed':
        options.seed = value();
        break;
      case '--no-seed':
        options.seed = false;
        break;
      case '--merchant': {
        const v = value();
        const colon = v.indexOf(':');
        if (colon <= 0 || colon === v.length - 1) throw new UsageError('--merchant: expected CODE:KEY');
        merchants.push({ code: v.slice(0, colon), secretKey: v.slice(colon + 1) });
        break;
      }
      case '--allow-md5':
        options.allowMd5 = true;
        break;
      case '--login-window-s':
        options.loginWindowMs = num(flag, value(), 1) * 1000;
        break;
      case '--session-ttl-s':
        options.sessionTtlMs = num(flag, value(), 0.001) * 1000;
        break;
      case '--expire-sessions-every-s':
        options.expireSessionsEveryMs = num(flag, value(), 0.001) * 1000;
        break;
      case '--max-body-bytes':
        options.maxBodyBytes = num(flag, value(), 1);
        break;
      case '--verbose':
        verbose = true;
        break;
      case '--latency-ms':
        faults.latencyMs = num(flag, value());
        faulty = true;
        break;
      case '--jitter-ms':
        faults.jitterMs = num(flag, value());
        faulty = true;
        break;
      case '--http500-rate':
        faults.http500Rate = num(flag, value(), 0, 1);
        faulty = true;
        break;
      case '--http503-rate':
        faults.http503Rate = num(flag, value(), 0, 1);
        faulty = true;
        break;
      case '--reset-rate':
        faults.resetRate = num(flag, value(), 0, 1);
        faulty = true;
        break;
      case '--hang-rate':
        faults.hangRate = num(flag, value(), 0, 1);
        faulty = true;
        break;
      case '--fault-timing': {
        const t = value();
        if (!['before', 'after', 'random'].includes(t))
          throw new UsageError('--fault-timing: expected before, after or random');
        faults.timing = t as FaultTiming;
        break;
      }
      case '--fault-ops':
        faults.operations = value()
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        break;
      case '--fault-seed':
        faults.seed = num(flag, value());
        break;
      case '--rate-limit':
        rate = num(flag, value(), 0.001);
        break;
      case '--rate-burst':
        burst = num(flag, value(), 1);
        break;
      default:
        throw new UsageError(`Unknown option ${arg} (see --help)`);
    }
  }
  if (faulty || faults.timing || faults.operations || faults.seed !== undefined) options.faults = faults;
  if (burst !== undefined && rate === undefined) throw new UsageError('--rate-burst needs --rate-limit');
  if (rate !== undefined) options.rateLimit = { requestsPerSecond: rate, burst };
  if (merchants.length > 0) options.merchants = merchants;
  return { help: false, options, verbose };
}
