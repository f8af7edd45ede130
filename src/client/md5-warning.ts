import type { Logger } from './observability';

export const MD5_RETIRED_WARNING =
  "twocheckout: hashAlgorithm 'md5' sends the legacy 3-part HMAC-MD5 login, which 2Checkout retired for " +
  "its API in 2024 (phase one of 'Upgrade from MD5 to SHA2/SHA3 algorithm', 15 August 2024). Use 'sha256' " +
  "(the default) or 'sha3-256' unless your account still requires MD5.";

let warned = false;

/**
 * One warning per process, however many md5 clients it creates: through the client's logger when
 * it has one, else as a process warning (stderr, unless node runs with --no-warnings).
 */
export function warnMd5Once(logger: Logger | undefined, merchantCode: string): void {
  if (warned) return;
  warned = true;
  if (logger) logger.warn({ merchantCode, hashAlgorithm: 'md5' }, MD5_RETIRED_WARNING);
  else process.emitWarning(MD5_RETIRED_WARNING, { type: 'DeprecationWarning', code: 'TWOCHECKOUT_MD5' });
}
