// Login hashes computed by the judges, not by us: PHP's hash_hmac (what 2Checkout's service and
// the vendor samples run) and Python's hmac/hashlib, each building the source string
// `strlen(code) code strlen(date) date` itself. Tests compare our output with theirs instead of
// pasting expected values. Missing tools fail with the package to install (CI installs them).
import { execFileSync } from 'node:child_process';

export type ReferenceAlgorithm = 'md5' | 'sha256' | 'sha3-256';

const PHP_CODE =
  'echo hash_hmac($argv[1], strlen($argv[2]) . $argv[2] . strlen($argv[3]) . $argv[3], $argv[4]);';

const PYTHON_CODE = [
  'import hashlib, hmac, sys',
  'algo, code, date, key = sys.argv[1:]',
  'source = "%d%s%d%s" % (len(code.encode()), code, len(date.encode()), date)',
  'digest = {"md5": hashlib.md5, "sha256": hashlib.sha256, "sha3-256": hashlib.sha3_256}[algo]',
  'sys.stdout.write(hmac.new(key.encode(), source.encode(), digest).hexdigest())',
].join('\n');

function run(cmd: string, args: string[], hint: string): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(hint, { cause: err });
    throw err;
  }
}

/** PHP: hash_hmac($algo, strlen($code).$code.strlen($date).$date, $key). */
export function phpLoginHash(algo: ReferenceAlgorithm, code: string, date: string, key: string): string {
  return run(
    'php',
    ['-r', PHP_CODE, '--', algo, code, date, key],
    'php is required: apt-get install -y php-cli',
  );
}

/** Python: hmac.new(key, source, hashlib.<algo>).hexdigest(), byte lengths via len(s.encode()). */
export function pythonLoginHash(algo: ReferenceAlgorithm, code: string, date: string, key: string): string {
  return run(
    '/usr/bin/python3',
    ['-c', PYTHON_CODE, algo, code, date, key],
    'python3 is required: apt-get install -y python3',
  );
}
