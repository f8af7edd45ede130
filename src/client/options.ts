import fs from 'node:fs';
import { ConfigError, type ConfigProblem } from './errors';
import {
  DEFAULT_HASH_ALGORITHM,
  HASH_ALGORITHMS,
  isHashAlgorithm,
  type Clock,
  type HashAlgorithm,
} from './hash';
import type { EventListener, Logger } from './observability';
import { defaultRetryOptions, type RetryOptions } from './retry-strategy';
import type { SessionTiming } from './session';

/** The live 2Checkout SOAP API 4.0 endpoint, the default `url`. */
export const LIVE_SOAP_URL = 'https://api.2checkout.com/soap/4.0/';

/** Options of {@link createTwoCheckoutClient}; only the credentials are required. */
export interface TwoCheckoutClientOptions {
  /** Your 2Checkout merchant code. */
  merchantCode: string;
  /** Your secret key: used for the login hash only, never sent, logged or shown in an error. */
  secretKey: string;
  /**
   * Login hash. Default `sha256`: HMAC-SHA256 with login's 4th part `algo`, as 2Checkout requires
   * since it retired MD5 in 2024. `sha3-256` likewise. `md5`: the legacy 3-part HMAC-MD5 login, for
   * accounts that still need it (logs one warning per process).
   */
  hashAlgorithm?: HashAlgorithm;
  /** SOAP service URL. Default: the live 4.0 service, https://api.2checkout.com/soap/4.0/ */
  url?: string;
  /** Per-request timeout. Default 30 000 ms. */
  timeoutMs?: number;
  /** Overall deadline of one facade call, retries and waits included. Default 120 000 ms. */
  deadlineMs?: number;
  /** HTTP(S) proxy URL; `null` disables proxies. Default: HTTPS_PROXY / NO_PROXY from the environment. */
  proxy?: string | null;
  /** Environment used for proxy lookup. Default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /** PEM file with extra CA certificates, added to Node's default roots. */
  caFile?: string;
  /** PEM text with extra CA certificates (alternative to caFile). */
  ca?: string;
  /** Turns certificate verification OFF. Never in production; logs a warning. */
  tlsInsecure?: boolean;
  /** Keep-alive sockets per host. Default 64; size it to your concurrency. */
  maxSockets?: number;
  /**
   * Client-side rate limit: at most this many SOAP sends per second, retries and logins included
   * (one second's worth of burst). Default: none.
   */
  maxRps?: number;
  /**
   * 'codec' (default): the generated serializers and streaming decoders over node:http.
   * 'node-soap': node-soap builds and parses the messages (slower; a fallback). Operations the
   * code generator could not compile always go through node-soap.
   */
  engine?: 'codec' | 'node-soap';
  /** Responses larger than this fail (default 16 MiB). */
  maxResponseBytes?: number;
  /** Retry tuning (attempts, backoff, retry budget); defaults as in {@link RetryOptions}. */
  retry?: Partial<RetryOptions>;
  /** Session lifetime and renewal margin; defaults as in {@link SessionTiming}. */
  session?: Partial<SessionTiming>;
  /** pino-compatible logger; silent when absent. */
  logger?: Logger;
  /** Called once per attempt and per login. */
  onEvent?: EventListener;
  /** Wall clock for the login date (tests). */
  clock?: Clock;
  /** Random source for backoff jitter (tests). */
  random?: () => number;
}

export interface ResolvedOptions {
  merchantCode: string;
  secretKey: string;
  hashAlgorithm: HashAlgorithm;
  url: string;
  timeoutMs: number;
  deadlineMs: number;
  proxy: string | null | undefined;
  env: Readonly<Record<string, string | undefined>>;
  extraCa: string | undefined;
  tlsInsecure: boolean;
  maxSockets: number;
  maxRps: number | undefined;
  engine: 'codec' | 'node-soap';
  maxResponseBytes: number;
  retry: RetryOptions;
  session: SessionTiming;
  logger: Logger | undefined;
  onEvent: EventListener | undefined;
  clock: Clock;
  random: () => number;
}

export const defaultSessionTiming: SessionTiming = {
  ttlMs: 10 * 60_000,
  renewMarginMs: 60_000,
  authFailureCooldownMs: 30_000,
};

const PREFIX = 'createTwoCheckoutClient';

function fail(option: string, problem: string): never {
  throw new ConfigError(option, `${PREFIX}: option '${option}' ${problem}`);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  return typeof value === 'object' ? (value === null ? 'null' : 'an object') : String(value);
}

function nonEmptyString(option: string, value: unknown, secret = false): string {
  if (typeof value !== 'string')
    fail(option, `must be a non-empty string, got ${secret ? typeof value : describe(value)}`);
  if (value.trim() === '') fail(option, 'must not be empty');
  return value;
}

function integerIn(option: string, value: unknown, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(option, `must be an integer between ${min} and ${max}, got ${describe(value)}`);
  }
  return value;
}

function httpUrl(option: string, value: unknown): string {
  const text = nonEmptyString(option, value);
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    fail(option, `must be an absolute http(s) URL, got ${describe(text)}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    fail(option, `must use http or https, got ${describe(parsed.protocol)}`);
  }
  return text;
}

const DAY = 24 * 3600_000;

/**
 * Checks every option and fills defaults. One ConfigError names every invalid option at once (its
 * `problems`), and never echoes the secret.
 */
export function resolveOptions(options: TwoCheckoutClientOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new ConfigError('options', `${PREFIX}: expected an options object`);
  }
  const problems: ConfigProblem[] = [];
  /** Runs one check; a failure is collected (with `fallback` standing in) so the others still run. */
  const check = <T>(fallback: T, fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      problems.push(...e.problems);
      return fallback;
    }
  };
  const failed = (option: string): boolean => problems.some((p) => p.option === option);
  const merchantCode = check('', () => nonEmptyString('merchantCode', options.merchantCode));
  const secretKey = check('', () => nonEmptyString('secretKey', options.secretKey, true));
  const hashAlgorithm = check(DEFAULT_HASH_ALGORITHM, () => {
    const algorithm = options.hashAlgorithm ?? DEFAULT_HASH_ALGORITHM;
    if (!isHashAlgorithm(algorithm)) {
      fail(
        'hashAlgorithm',
        `must be one of ${HASH_ALGORITHMS.map((a) => `'${a}'`).join(', ')}, got ${describe(algorithm)}`,
      );
    }
    return algorithm;
  });
  const url = check(LIVE_SOAP_URL, () =>
    options.url === undefined ? LIVE_SOAP_URL : httpUrl('url', options.url),
  );
  const timeoutMs = check(30_000, () => integerIn('timeoutMs', options.timeoutMs, 30_000, 1, DAY));
  const deadlineMs = check(120_000, () => integerIn('deadlineMs', options.deadlineMs, 120_000, 1, DAY));
  if (!failed('timeoutMs') && !failed('deadlineMs') && deadlineMs < timeoutMs) {
    check(undefined, () => fail('deadlineMs', `(${deadlineMs}) must be at least timeoutMs (${timeoutMs})`));
  }
  const proxy = check(undefined, () =>
    options.proxy === undefined || options.proxy === null ? options.proxy : httpUrl('proxy', options.proxy),
  );
  const extraCa = check(undefined, (): string | undefined => {
    if (options.caFile !== undefined && options.ca !== undefined)
      fail('ca', 'cannot be combined with caFile; pick one');
    if (options.caFile !== undefined) {
      const file = nonEmptyString('caFile', options.caFile);
      let pem: string;
      try {
        pem = fs.readFileSync(file, 'utf8');
      } catch (e) {
        fail('caFile', `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}): ${file}`);
      }
      if (!pem.includes('-----BEGIN CERTIFICATE-----')) fail('caFile', `holds no PEM certificate: ${file}`);
      return pem;
    }
    if (options.ca !== undefined) {
      const pem = nonEmptyString('ca', options.ca);
      if (!pem.includes('-----BEGIN CERTIFICATE-----')) fail('ca', 'holds no PEM certificate');
      return pem;
    }
    return undefined;
  });
  check(undefined, () => {
    if (options.tlsInsecure !== undefined && typeof options.tlsInsecure !== 'boolean') {
      fail('tlsInsecure', `must be a boolean, got ${describe(options.tlsInsecure)}`);
    }
  });
  const maxSockets = check(64, () => integerIn('maxSockets', options.maxSockets, 64, 1, 10_000));
  check(undefined, () => {
    if (
      options.maxRps !== undefined &&
      (typeof options.maxRps !== 'number' || !(options.maxRps >= 0.01 && options.maxRps <= 100_000))
    ) {
      fail('maxRps', `must be a number between 0.01 and 100000, got ${describe(options.maxRps)}`);
    }
  });
  check(undefined, () => {
    if (options.engine !== undefined && options.engine !== 'codec' && options.engine !== 'node-soap') {
      fail('engine', `must be 'codec' or 'node-soap', got ${describe(options.engine)}`);
    }
  });
  const maxResponseBytes = check(16 * 1024 * 1024, () =>
    integerIn('maxResponseBytes', options.maxResponseBytes, 16 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
  );
  const r = options.retry ?? {};
  const retryOption = (name: keyof RetryOptions, max: number): number =>
    check(defaultRetryOptions[name], () =>
      integerIn(`retry.${name}`, r[name], defaultRetryOptions[name], name === 'maxAttempts' ? 1 : 0, max),
    );
  const retry: RetryOptions = {
    maxAttempts: retryOption('maxAttempts', 10),
    baseDelayMs: retryOption('baseDelayMs', 60_000),
    throttlingBaseDelayMs: retryOption('throttlingBaseDelayMs', 60_000),
    maxDelayMs: retryOption('maxDelayMs', 300_000),
    budgetCapacity: retryOption('budgetCapacity', 1e6),
    budgetRetryCost: retryOption('budgetRetryCost', 1e6),
    budgetTimeoutCost: retryOption('budgetTimeoutCost', 1e6),
  };
  const s = options.session ?? {};
  const session: SessionTiming = {
    ttlMs: check(defaultSessionTiming.ttlMs, () =>
      integerIn('session.ttlMs', s.ttlMs, defaultSessionTiming.ttlMs, 1, DAY),
    ),
    renewMarginMs: check(defaultSessionTiming.renewMarginMs, () =>
      integerIn('session.renewMarginMs', s.renewMarginMs, defaultSessionTiming.renewMarginMs, 0, DAY),
    ),
    authFailureCooldownMs: check(defaultSessionTiming.authFailureCooldownMs, () =>
      integerIn(
        'session.authFailureCooldownMs',
        s.authFailureCooldownMs,
        defaultSessionTiming.authFailureCooldownMs,
        0,
        DAY,
      ),
    ),
  };
  if (
    !failed('session.ttlMs') &&
    !failed('session.renewMarginMs') &&
    session.renewMarginMs >= session.ttlMs
  ) {
    check(undefined, () =>
      fail(
        'session.renewMarginMs',
        `(${session.renewMarginMs}) must be smaller than session.ttlMs (${session.ttlMs})`,
      ),
    );
  }
  check(undefined, () => {
    for (const fn of ['debug', 'info', 'warn', 'error'] as const) {
      if (options.logger !== undefined && typeof options.logger?.[fn] !== 'function') {
        fail('logger', `must be pino-compatible: logger.${fn} is not a function`);
      }
    }
  });
  check(undefined, () => {
    if (options.onEvent !== undefined && typeof options.onEvent !== 'function')
      fail('onEvent', 'must be a function');
  });
  if (problems.length === 1) {
    const [only] = problems;
    throw new ConfigError(only.option, only.message, problems);
  }
  if (problems.length > 1) {
    const each = problems.map((p) => p.message.replace(`${PREFIX}: `, '')).join('; ');
    throw new ConfigError(
      problems[0].option,
      `${PREFIX}: ${problems.length} configuration problems: ${each}`,
      problems,
    );
  }
  return {
    merchantCode,
    secretKey,
    hashAlgorithm,
    url,
    timeoutMs,
    deadlineMs,
    proxy,
    env: options.env ?? process.env,
    extraCa,
    tlsInsecure: options.tlsInsecure === true,
    maxSockets,
    maxRps: options.maxRps,
    engine: options.engine ?? 'codec',
    maxResponseBytes,
    retry,
    session,
    logger: options.logger,
    onEvent: options.onEvent,
    clock: options.clock ?? (() => new Date()),
    random: options.random ?? Math.random,
  };
}
