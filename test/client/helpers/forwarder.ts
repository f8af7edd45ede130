import http from 'node:http';
import https from 'node:https';
import { closeServer, listen, type TestCert } from './tls';

export interface Forwarder {
  /** Same path as the target URL, on the forwarder's host and port. */
  url: string;
  /** Request bodies seen (to learn the session IDs and hashes that went over the wire). */
  bodies: string[];
  /** Response bodies, in the order they completed (login answers carry the session IDs). */
  responses: string[];
  close(): Promise<void>;
}

/**
 * Forwards every request to `target` (an http URL), recording the request bodies; with `cert`,
 * it terminates TLS with that certificate first (an HTTPS front for the plain-HTTP sandbox).
 */
export async function startForwarder(target: string, cert?: TestCert): Promise<Forwarder> {
  const upstream = new URL(target);
  const bodies: string[] = [];
  const responses: string[] = [];
  const handler: http.RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      bodies.push(body.toString('utf8'));
      const out = http.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: upstream.host },
        },
        (upRes) => {
          res.writeHead(upRes.statusCode ?? 502, upRes.headers);
          const seen: Buffer[] = [];
          upRes.on('data', (c: Buffer) => seen.push(c));
          upRes.on('end', () => responses.push(Buffer.concat(seen).toString('utf8')));
          upRes.pipe(res);
        },
      );
      out.on('error', () => res.destroy());
      out.end(body);
    });
  };
  const server = cert
    ? https.createServer({ cert: cert.cert, key: cert.key }, handler)
    : http.createServer(handler);
  const port = await listen(server);
  const url = new URL(target);
  url.protocol = cert ? 'https:' : 'http:';
  url.host = `127.0.0.1:${port}`;
  return { url: url.toString(), bodies, responses, close: () => closeServer(server) };
}
