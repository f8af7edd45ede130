// Shared by the chaos campaigns: the seed, a seeded PRNG, a fault-injecting sandbox whose clock
// counts requests instead of reading the wall clock, and the CLI runs.
import fs from 'node:fs';
import path from 'node:path';
import { startSandbox, type Sandbox, type SeedData } from '../../src/sandbox';
import type { JournalRecordEntry } from '../../src/sync/journal-format';
import { startFaultProxy, type FaultProxy } from '../sync/fault-proxy';
import { cliEnv, finish, runCli, startCli, waitFor, type CliResult } from '../sync/harness';

/** CHAOS_SEED=N picks the campaign (faults, kill points, row order); the default is 1. */
export const SEED = Number(process.env.CHAOS_SEED ?? '1');
if (!Number.isInteger(SEED) || SEED < 1)
  throw new Error(`CHAOS_SEED must be a positive integer, got ${process.env.CHAOS_SEED}`);

/** A seeded PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Merchant {
  code: string;
  secretKey: string;
}

/**
 * A sandbox failing 2.5% of requests with HTTP 500, 2.5% with 503, resetting 2% of connections,
 * hanging 1% past the client's timeout (500s and resets strike before or after the operation is
 * applied), rate-limiting, and expiring sessions. The faults come from a seeded PRNG, one draw per
 * request. The rate limit and the session lifetime run on a clock that advances by a fixed step
 * with every request the sandbox handles (its log line), not with the wall clock and not with
 * how often the sandbox happens to read the clock: how fast or loaded the machine is, or how the
 * sandbox's code is arranged, changes neither how often requests are throttled nor how often
 * sessions expire.
 */
/** How far the chaos sandbox's clock moves per request it handles. */
const MS_PER_REQUEST = 3;

export async function chaosSandbox(
  merchant: Merchant,
  customers: NonNullable<SeedData['merchants'][number]['customers']>,
  faultSeed: number,
): Promise<Sandbox> {
  const base = Date.now();
  let handled = 0;
  return startSandbox({
    seed: { merchants: [{ ...merchant, customers }] },
    now: () => base + handled * MS_PER_REQUEST,
    log: () => {
      handled += 1;
    },
    // 0.9 tokens come back per request: once the burst is spent about one request in ten is
    // throttled, however fast the machine is.
    rateLimit: { requestsPerSecond: 300, burst: 20 },
    // About every 700 requests.
    sessionTtlMs: 2_000,
    // The clock above is not the wall clock the client dates its login with.
    loginWindowMs: 24 * 3600_000,
    faults: {
      seed: faultSeed,
      http500Rate: 0.025,
      http503Rate: 0.025,
      resetRate: 0.02,
      hangRate: 0.01,
      timing: 'random',
    },
  });
}

/**
 * Environment for the CLI. The per-request timeout only has to end the injected hangs: it is far
 * above any real answer time of a local sandbox on a loaded machine.
 */
export function chaosEnv(url: string, dir: string, merchant: Merchant): NodeJS.ProcessEnv {
  return cliEnv(url, dir, {
    TWOCHECKOUT_MERCHANT_CODE: merchant.code,
    TWOCHECKOUT_SECRET_KEY: merchant.secretKey,
    TWOCHECKOUT_TIMEOUT_MS: '5000',
  });
}

export function journalRecords(dir: string): JournalRecordEntry[] {
  const file = path.join(dir, 'journal.ndjson');
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line) => {
      try {
        const e = JSON.parse(line) as { type?: string };
        return e.type === 'record' ? [e as JournalRecordEntry] : [];
      } catch {
        return []; // a line torn by a kill
      }
    });
}

/**
 * Starts the CLI and SIGKILLs it once the journal holds `killAt` records (or `count` says so);
 * resolves with its result, or with its normal end if it finished first (nothing to kill).
 */
export async function runAndKill(
  args: string[],
  env: NodeJS.ProcessEnv,
  dir: string,
  killAt: number,
  count: () => number = () => journalRecords(dir).length,
): Promise<{ killed: boolean; result: CliResult }> {
  const child = startCli(args, env, dir);
  let exited = false;
  const done = finish(child).then((r) => {
    exited = true;
    return r;
  });
  await waitFor(() => exited || count() >= killAt, `the journal to reach ${killAt} records`, 300_000);
  if (exited) return { killed: false, result: await done };
  child.kill('SIGKILL');
  return { killed: true, result: await done };
}

/** Reruns the same command until it exits 0 (at most `max` runs); returns the last exit code. */
export async function runUntilDone(
  args: string[],
  env: NodeJS.ProcessEnv,
  dir: string,
  max = 10,
): Promise<number | null> {
  let code: number | null = null;
  for (let i = 0; i < max && code !== 0; i++) code = (await runCli(args, env, dir)).code;
  return code;
}

/** One line for the log: what the sandbox injected (to see the campaign's mix). */
export function describeFaults(sandbox: Sandbox): string {
  const s = sandbox.stats();
  return (
    `requests ${s.calls}, injected ${JSON.stringify(s.injected)}, throttled ${s.faults.TOO_MANY_REQUESTS ?? 0}, ` +
    `session refusals ${s.faults.FORBIDDEN ?? 0}, logins ${s.logins}`
  );
}

/**
 * Customer k of a campaign, as the sandbox is seeded with it: reference `base + k`, external
 * reference `ref(k)`, first name the campaign's, the rest derived from k.
 */
export function chaosCustomer(
  k: number,
  campaign: { base: number; ref: (k: number) => string; name: string },
): Record<string, string | number> {
  return {
    AvangateCustomerReference: campaign.base + k,
    ExternalCustomerReference: campaign.ref(k),
    FirstName: campaign.name,
    LastName: `Customer ${k}`,
    Address1: `${k} Fault Lane`,
    City: 'Cluj',
    Zip: '400000',
    CountryCode: 'ro',
    Phone: `+40 264 ${String(k).padStart(6, '0')}`,
    Email: `orig${k}@example.com`,
    Language: 'en',
  };
}

/** The merchant's customers in the sandbox now, by their campaign index k (reference - base). */
export function customersByIndex(
  sandbox: Sandbox,
  merchant: Merchant,
  base: number,
): Map<number, Record<string, unknown>> {
  return new Map(
    (sandbox.customers(merchant.code) ?? []).map((c) => [(c.AvangateCustomerReference as number) - base, c]),
  );
}

/**
 * A proxy in front of the sandbox that refuses every updateCustomerInformation carrying one of
 * `marks()` (for example `>value<`) while `refusing()`: those records fail run after run, as
 * against a service that keeps refusing them. Everything else is forwarded.
 */
export function refuseWritesCarrying(
  url: string,
  marks: () => ReadonlySet<string>,
  refusing: () => boolean,
): Promise<FaultProxy> {
  return startFaultProxy(url, (body) =>
    refusing() && body.includes('updateCustomerInformation') && [...marks()].some((m) => body.includes(m))
      ? 'refuse'
      : 'forward',
  );
}

/** A campaign's teardown: prints what the sandbox injected, stops the proxy and the sandbox, removes `work`. */
export async function endCampaign(
  sandbox: Sandbox | undefined,
  proxy: FaultProxy | undefined,
  work: string | undefined,
): Promise<void> {
  if (sandbox) process.stdout.write(`seed ${SEED}: ${describeFaults(sandbox)}\n`);
  await proxy?.close();
  await sandbox?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
}
