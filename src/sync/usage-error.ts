/** A bad command line: the message names the flag. Exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
