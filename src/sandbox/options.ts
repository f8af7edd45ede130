import type { SeedData } from './seed/seed-types';

/** A merchant the sandbox accepts logins for. */
export interface SandboxMerchant {
  /** The merchant code. */
  code: string;
  /** Its secret key (never printed or logged). */
  secretKey: string;
}

/** When an injected HTTP 500 or connection reset strikes relative to the operation. */
export type FaultTiming = 'before' | 'after' | 'random';

/** Fault injection (`faults` option); see docs/sandbox.md. */
export interface SandboxFaultOptions {
  /** PRNG seed: the same seed and the same request order give the same faults. Default 1. */
  seed?: number;
  /** Added to every SOAP request, plus a uniform random 0..jitterMs. */
  latencyMs?: number;
  /** Upper bound of the random part of the delay. */
  jitterMs?: number;
  /** Probability 0..1 per SOAP request of an HTTP 500 with a SOAP-ENV:Server fault. */
  http500Rate?: number;
  /** Probability 0..1 of an HTTP 503 with an HTML (non-SOAP) body, before the operation. */
  http503Rate?: number;
  /** Probability 0..1 of a connection reset instead of an answer. */
  resetRate?: number;
  /** Probability 0..1 of no answer at all (until the client gives up or the sandbox stops). */
  hangRate?: number;
  /**
   * 'before': the operation is not applied (a safe retry). 'after' (default): it is applied and
   * the answer is lost, which is what exposes unknown-outcome bugs. 'random': either, from the PRNG.
   */
  timing?: FaultTiming;
  /** Restrict injection to these operations (default: all, login included). */
  operations?: string[];
}

/** A per-merchant token bucket; beyond it, fault TOO_MANY_REQUESTS. */
export interface SandboxRateLimit {
  /** Sustained requests per second per merchant. */
  requestsPerSecond: number;
  /** Bucket size (default: requestsPerSecond). */
  burst?: number;
}

/** Options of {@link startSandbox}; every one is optional. */
export interface SandboxOptions {
  /** Default 0 (an ephemeral port). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Merchants in addition to the seed's (same code: these keys win). */
  merchants?: SandboxMerchant[];
  /** A seed file path or data; default: the bundled demo seed; false: start empty. */
  seed?: string | SeedData | false;
  /** SQLite file: state survives restarts. Default: in memory. */
  db?: string;
  /**
   * Accept the legacy 3-part HMAC-MD5 login (no `algo`), e.g. to rehearse the vendor's 4.0 sample.
   * Default false: refused with FORBIDDEN, as the live service has done since 2024.
   */
  allowMd5?: boolean;
  /** How far the login date may be from the server clock, either way. Default 10 minutes. */
  loginWindowMs?: number;
  /** Session lifetime from login (absolute). Default 10 minutes. */
  sessionTtlMs?: number;
  /** Expire every session periodically (tests of re-login). */
  expireSessionsEveryMs?: number;
  /** Per-merchant rate limit (2Checkout publishes none; this is for testing throttling). Default off. */
  rateLimit?: SandboxRateLimit;
  /** Fault injection. Default off. */
  faults?: SandboxFaultOptions;
  /** Request bodies above this get HTTP 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /**
   * Connections served at once; requests on further connections get HTTP 503 with Retry-After.
   * With maxBodyBytes this bounds the memory request bodies can take. Default 128.
   */
  maxConnections?: number;
  /** Time allowed to receive a whole request. Default 30 s. */
  requestTimeoutMs?: number;
  /** Idle keep-alive connections are closed after this. Default 65 s. */
  keepAliveTimeoutMs?: number;
  /**
   * Clock (ms since epoch), injectable for tests of the login window and session expiry. The HTTP
   * `Date` header follows it too, as a real server's follows its own clock.
   */
  now?: () => number;
  /** Receives one line per request (operation, merchant, outcome); never secrets. Default: silent. */
  log?: (line: string) => void;
}

export const DEFAULTS = {
  port: 0,
  host: '127.0.0.1',
  loginWindowMs: 10 * 60_000,
  sessionTtlMs: 10 * 60_000,
  maxBodyBytes: 1024 * 1024,
  maxConnections: 128,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 65_000,
} as const;
