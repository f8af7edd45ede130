import type http from 'node:http';

export class BodyTooLarge extends Error {}

/**
 * Reads the request body up to `limit` bytes and calls `done` once: with the body, or with
 * BodyTooLarge as soon as it grows past the limit (or declares a larger Content-Length), or with
 * the stream's error. The bytes are decoded later (strictly, see xml/decode-body.ts), so a bad
 * encoding gets a fault, not U+FFFD. A callback, not a promise: this is on every request's path.
 */
export function readBody(
  req: http.IncomingMessage,
  limit: number,
  done: (err: Error | undefined, body?: Buffer) => void,
): void {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    done(new BodyTooLarge());
    return;
  }
  let first: Buffer | undefined;
  let chunks: Buffer[] | undefined;
  let size = 0;
  let finished = false;
  const finish = (err: Error | undefined, body?: Buffer): void => {
    if (finished) return;
    finished = true;
    req.off('data', onData);
    done(err, body);
  };
  const onData = (chunk: Buffer): void => {
    size += chunk.length;
    if (size > limit) {
      finish(new BodyTooLarge());
      return;
    }
    if (first === undefined) first = chunk;
    else (chunks ??= [first]).push(chunk);
  };
  req.on('data', onData);
  req.on('end', () => finish(undefined, chunks ? Buffer.concat(chunks, size) : (first ?? Buffer.alloc(0))));
  req.on('error', (err) => finish(err));
  req.on('aborted', () => finish(new Error('request aborted')));
}
