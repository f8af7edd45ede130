/**
 * A local 2Checkout SOAP API 4.0 server for tests, demos and rehearsals: {@link startSandbox}.
 * See docs/sandbox.md.
 * @module twocheckout-soap/sandbox
 */
import { SessionRegistry } from './auth/sessions';
import { FaultInjector } from './faults/injector';
import { RateLimiter } from './faults/rate-limiter';
import { SandboxHttp, SOAP_PATH } from './http-server';
import { presentCustomer } from './model/customers';
import { DEFAULTS, type SandboxMerchant, type SandboxOptions } from './options';
import { checkSeed, DEMO_SEED, loadSeedMerchant, readSeedFile } from './seed/load-seed';
import type { SeedData } from './seed/seed-types';
import { SoapService } from './soap-service';
import { StatsRecorder, type SandboxStats } from './stats';
import { MemoryStore } from './store/memory-store';
import { SqliteStore } from './store/sqlite-store';
import type { SandboxStore } from './store/store';
import { loadWsdlFor } from './wsdl-file';
import { isOperationName } from './xml/decode-request';

export type {
  SandboxOptions,
  SandboxMerchant,
  SandboxFaultOptions,
  SandboxRateLimit,
  FaultTiming,
} from './options';
export type { SandboxStats, OperationStats, MerchantStats, Counts, AlgorithmCounts } from './stats';
export type { InjectedFault } from './faults/injector';
export type { SeedData, SeedMerchant } from './seed/seed-types';
export type { SoapValue, SoapStruct } from './xml/values';

/** A running sandbox, from {@link startSandbox}. */
export interface Sandbox {
  /** The service location, e.g. http://127.0.0.1:40123/soap/4.0/ */
  url: string;
  /** `url + '?wsdl'` */
  wsdlUrl: string;
  /** Base of the test endpoints, e.g. http://127.0.0.1:40123/__sandbox/ */
  adminUrl: string;
  /** The port it listens on (useful with `port: 0`). */
  port: number;
  /** Closes the server, every open connection (hung ones too) and the store. Idempotent. */
  stop(): Promise<void>;
  /** A snapshot of the counters. */
  stats(): SandboxStats;
  /** Sets every counter back to zero. */
  resetStats(): void;
  /** Ends every session now; returns how many there were. */
  expireAllSessions(): number;
  /** Changes the lifetime of sessions opened from now on. */
  setSessionTtl(ms: number): void;
  /** A merchant's customers as the API would return them, or undefined for an unknown merchant. */
  customers(merchant: string): Record<string, unknown>[] | undefined;
}

function resolveSeed(seed: SandboxOptions['seed']): SeedData | undefined {
  if (seed === false) return undefined;
  if (seed === undefined) return DEMO_SEED;
  if (typeof seed === 'string') return readSeedFile(seed);
  return checkSeed(seed, '(options.seed)');
}

function checkMerchant(m: SandboxMerchant, i: number): void {
  if (typeof m?.code !== 'string' || !/^[^\s\p{Cc}]{1,64}$/u.test(m.code)) {
    throw new TypeError(`merchants[${i}].code must be 1 to 64 characters without spaces`);
  }
  if (typeof m.secretKey !== 'string' || m.secretKey === '') {
    throw new TypeError(`merchants[${i}].secretKey must be a non-empty string (merchant ${m.code})`);
  }
}

function positive(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!(Number.isFinite(value) && value > 0))
    throw new RangeError(`${name} must be a positive number, got ${value}`);
  return value;
}

/** Starts a local 2Checkout SOAP 4.0 stand-in (see docs/sandbox.md). */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => undefined);
  const sessionTtlMs = positive(options.sessionTtlMs, 'sessionTtlMs', DEFAULTS.sessionTtlMs);
  const loginWindowMs = positive(options.loginWindowMs, 'loginWindowMs', DEFAULTS.loginWindowMs);
  const maxBodyBytes = positive(options.maxBodyBytes, 'maxBodyBytes', DEFAULTS.maxBodyBytes);
  const maxConnections = positive(options.maxConnections, 'maxConnections', DEFAULTS.maxConnections);
  const requestTimeoutMs = positive(options.requestTimeoutMs, 'requestTimeoutMs', DEFAULTS.requestTimeoutMs);
  const keepAliveTimeoutMs = positive(
    options.keepAliveTimeoutMs,
    'keepAliveTimeoutMs',
    DEFAULTS.keepAliveTimeoutMs,
  );
  for (const op of options.faults?.operations ?? []) {
    if (!isOperationName(op)) throw new RangeError(`faults.operations: unknown operation ${op}`);
  }
  if (options.allowMd5 !== undefined && typeof options.allowMd5 !== 'boolean')
    throw new TypeError(`allowMd5 must be a boolean, got ${typeof options.allowMd5}`);
  const injector = options.faults ? new FaultInjector(options.faults) : undefined;
  const rateLimiter = options.rateLimit ? new RateLimiter(options.rateLimit, now) : undefined;
  const seed = resolveSeed(options.seed);
  (options.merchants ?? []).forEach(checkMerchant);

  const keys = new Map<string, string>();
  for (const m of seed?.merchants ?? []) if (m.secretKey) keys.set(m.code, m.secretKey);
  for (const m of options.merchants ?? []) keys.set(m.code, m.secretKey);

  const store: SandboxStore = options.db ? new SqliteStore(options.db) : new MemoryStore();
  try {
    for (const m of seed?.merchants ?? []) loadSeedMerchant(store, m, now);
  } catch (err) {
    store.close();
    throw err;
  }

  const sessions = new SessionRegistry(sessionTtlMs, now);
  const stats = new StatsRecorder(now);
  const service = new SoapService({
    store,
    sessions,
    stats,
    injector,
    rateLimiter,
    secretKeyOf: (code) => keys.get(code),
    loginWindowMs,
    allowMd5: options.allowMd5 === true,
    now,
    log,
  });
  const customersOf = (merchant: string): Record<string, unknown>[] | undefined => {
    if (!keys.has(merchant)) return undefined;
    const ctx = { store, merchant, now };
    return store
      .list(merchant, 'customer')
      .map((c) => presentCustomer(ctx, c))
      .sort((a, b) => (a.AvangateCustomerReference as number) - (b.AvangateCustomerReference as number));
  };

  let wsdl: Buffer = Buffer.alloc(0);
  const http = new SandboxHttp(
    {
      service,
      stats,
      wsdl: () => wsdl,
      maxBodyBytes,
      customersOf,
      expireAllSessions: () => sessions.expireAll(),
      now,
    },
    { requestTimeoutMs, keepAliveTimeoutMs, maxConnections },
  );
  const host = options.host ?? DEFAULTS.host;
  let port: number;
  try {
    port = await http.listen(options.port ?? DEFAULTS.port, host);
  } catch (err) {
    store.close();
    throw err;
  }
  const publicHost =
    host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const origin = `http://${publicHost}:${port}`;
  const url = `${origin}${SOAP_PATH}`;
  try {
    wsdl = await loadWsdlFor(url);
  } catch (err) {
    await http.close();
    store.close();
    throw err;
  }

  const expiryTimer =
    options.expireSessionsEveryMs !== undefined
      ? setInterval(
          () => sessions.expireAll(),
          positive(options.expireSessionsEveryMs, 'expireSessionsEveryMs', 1),
        )
      : undefined;
  expiryTimer?.unref();

  let stopped: Promise<void> | undefined;
  return {
    url,
    wsdlUrl: `${url}?wsdl`,
    adminUrl: `${origin}/__sandbox/`,
    port,
    stop: () =>
      (stopped ??= (async () => {
        if (expiryTimer) clearInterval(expiryTimer);
        await http.close();
        store.close();
      })()),
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    expireAllSessions: () => sessions.expireAll(),
    setSessionTtl: (ms) => sessions.setTtl(positive(ms, 'sessionTtlMs', ms)),
    customers: customersOf,
  };
}
