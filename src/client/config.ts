import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'dotenv';
import { ConfigError, type ConfigProblem } from './errors';
import { HASH_ALGORITHMS, isHashAlgorithm, type HashAlgorithm } from './hash';
import { LIVE_SOAP_URL, type TwoCheckoutClientOptions } from './options';
import { hideSecretsFromInspection } from './redact';

/** An environment to read variables from, like `process.env`. */
export type Env = Readonly<Record<string, string | undefined>>;

/** Options of {@link fromEnv}: any client option (these win over the environment), and where .env is. */
export interface FromEnvOptions extends Partial<TwoCheckoutClientOptions> {
  /**
   * A .env file to read (never written into process.env; real environment variables win).
   * Default: `.env` in the current directory when `env` is not given; `false` reads no file.
   */
  envFile?: string | false;
}

/** The variables fromEnv reads, with what they mean (also used by the docs and --help texts). */
export const ENV_VARIABLES = {
  /** The merchant code (required). */
  TWOCHECKOUT_MERCHANT_CODE: 'merchant code (required)',
  /** The secret key (required; never logged). */
  TWOCHECKOUT_SECRET_KEY: 'secret key (required; never logged)',
  /** The login hash algorithm: sha256 (default), sha3-256, or md5 (legacy 3-part login). */
  TWOCHECKOUT_HASH_ALGORITHM: 'login hash: sha256 (default), sha3-256, or md5 (retired by 2Checkout in 2024)',
  /** The service URL. */
  TWOCHECKOUT_SOAP_URL: `service URL (default ${LIVE_SOAP_URL})`,
  /** Per-request timeout in ms. */
  TWOCHECKOUT_TIMEOUT_MS: 'per-request timeout in ms (default 30000)',
  /** Overall deadline per call, retries included, in ms. */
  TWOCHECKOUT_DEADLINE_MS: 'overall deadline per call incl. retries, in ms (default 120000)',
  /** Proxy URL. */
  TWOCHECKOUT_PROXY: 'proxy URL (default HTTPS_PROXY, honouring NO_PROXY)',
  /** PEM file of extra trusted CA certificates. */
  TWOCHECKOUT_CA_FILE: 'PEM file of extra trusted CA certificates',
  /** `true` disables TLS verification. */
  TWOCHECKOUT_TLS_INSECURE: 'true disables TLS verification (never in production; logs a warning)',
} as const;

/**
 * The problems found in the variables, all of them: a missing merchant code and secret key are
 * one message, not two attempts.
 */
class Problems {
  readonly list: ConfigProblem[] = [];
  private missing = 0;

  add(variable: string, problem: string): undefined {
    this.list.push({ option: variable, message: `${variable} ${problem}` });
    return undefined;
  }

  notSet(variable: string): undefined {
    this.missing += 1;
    return this.add(variable, 'is not set');
  }

  throwIfAny(): void {
    if (this.list.length === 0) return;
    const hint =
      this.missing === 0
        ? ''
        : this.list.length === 1
          ? ' (put it in the environment or in .env; see .env.example)'
          : ` (put the missing ${this.missing === 1 ? 'one' : 'ones'} in the environment or in .env; see .env.example)`;
    throw ConfigError.of(this.list, hint);
  }
}

function readEnvFile(file: string, explicit: boolean): Env {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if (!explicit && (e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new ConfigError(
      'envFile',
      `cannot read env file ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  return parse(text);
}

function positiveInt(p: Problems, variable: string, value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) {
    return p.add(variable, `must be a positive whole number of milliseconds, got ${JSON.stringify(value)}`);
  }
  return Number(value);
}

function bool(p: Problems, variable: string, value: string | undefined): boolean | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const v = value.trim().toLowerCase();
  if (['1', 'true', 'yes'].includes(v)) return true;
  if (['0', 'false', 'no'].includes(v)) return false;
  return p.add(variable, `must be true or false, got ${JSON.stringify(value)}`);
}

function hashAlgorithm(p: Problems, variable: string, value: string | undefined): HashAlgorithm | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const v = value.trim().toLowerCase();
  if (isHashAlgorithm(v)) return v;
  return p.add(variable, `must be one of ${HASH_ALGORITHMS.join(', ')}, got ${JSON.stringify(value)}`);
}

function required(p: Problems, variable: string, value: string | undefined, secret: boolean): string {
  if (value === undefined) p.notSet(variable);
  else if (value.trim() === '') p.add(variable, 'is set but empty');
  else if (value !== value.trim())
    p.add(
      variable,
      secret
        ? 'has leading or trailing spaces (check for a stray space or CR in .env)'
        : 'has leading or trailing spaces',
    );
  // Only used once every problem has been collected and none found.
  return value ?? '';
}

/**
 * Client options from TWOCHECKOUT_* variables. `env` defaults to process.env plus `.env` (dotenv
 * parse; process.env is not modified). `overrides` win over the environment. A ConfigError names
 * every missing or invalid variable at once (its `problems`), and never echoes the secret key.
 */
export function optionsFromEnv(env?: Env, overrides: FromEnvOptions = {}): TwoCheckoutClientOptions {
  const { envFile, ...clientOverrides } = overrides;
  let source: Env = env ?? process.env;
  const file =
    envFile === undefined ? (env === undefined ? path.resolve('.env') : undefined) : envFile || undefined;
  if (file) source = { ...readEnvFile(file, envFile !== undefined), ...source };
  const get = (name: string): string | undefined => source[name];

  const p = new Problems();
  const merchantCode =
    clientOverrides.merchantCode ??
    required(p, 'TWOCHECKOUT_MERCHANT_CODE', get('TWOCHECKOUT_MERCHANT_CODE'), false);
  const secretKey =
    clientOverrides.secretKey ?? required(p, 'TWOCHECKOUT_SECRET_KEY', get('TWOCHECKOUT_SECRET_KEY'), true);
  const url = get('TWOCHECKOUT_SOAP_URL')?.trim() || undefined;
  if (url !== undefined) {
    try {
      const u = new URL(url);
      if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('protocol');
    } catch {
      p.add('TWOCHECKOUT_SOAP_URL', `must be an absolute http(s) URL, got ${JSON.stringify(url)}`);
    }
  }
  const proxy = get('TWOCHECKOUT_PROXY')?.trim() || undefined;
  if (proxy !== undefined) {
    try {
      new URL(proxy);
    } catch {
      p.add('TWOCHECKOUT_PROXY', 'must be a URL like http://proxy.example:3128');
    }
  }
  const caFile = get('TWOCHECKOUT_CA_FILE')?.trim() || undefined;
  if (caFile !== undefined && !fs.existsSync(caFile))
    p.add('TWOCHECKOUT_CA_FILE', `points to a missing file: ${caFile}`);

  const timeoutMs = positiveInt(p, 'TWOCHECKOUT_TIMEOUT_MS', get('TWOCHECKOUT_TIMEOUT_MS'));
  const deadlineMs = positiveInt(p, 'TWOCHECKOUT_DEADLINE_MS', get('TWOCHECKOUT_DEADLINE_MS'));
  const tlsInsecure = bool(p, 'TWOCHECKOUT_TLS_INSECURE', get('TWOCHECKOUT_TLS_INSECURE'));
  const algorithm = hashAlgorithm(p, 'TWOCHECKOUT_HASH_ALGORITHM', get('TWOCHECKOUT_HASH_ALGORITHM'));
  if (timeoutMs !== undefined && deadlineMs !== undefined && deadlineMs < timeoutMs)
    p.add(
      'TWOCHECKOUT_DEADLINE_MS',
      `(${deadlineMs}) must be at least TWOCHECKOUT_TIMEOUT_MS (${timeoutMs})`,
    );
  p.throwIfAny();
  const fromEnv: TwoCheckoutClientOptions = { merchantCode, secretKey, env: source };
  if (url !== undefined) fromEnv.url = url;
  if (timeoutMs !== undefined) fromEnv.timeoutMs = timeoutMs;
  if (deadlineMs !== undefined) fromEnv.deadlineMs = deadlineMs;
  if (proxy !== undefined) fromEnv.proxy = proxy;
  if (caFile !== undefined) fromEnv.caFile = caFile;
  if (tlsInsecure !== undefined) fromEnv.tlsInsecure = tlsInsecure;
  if (algorithm !== undefined) fromEnv.hashAlgorithm = algorithm;
  const defined = Object.fromEntries(Object.entries(clientOverrides).filter(([, v]) => v !== undefined));
  return hideSecretsFromInspection({ ...fromEnv, ...defined } as TwoCheckoutClientOptions);
}
