import http from 'node:http';
import { closeServer, listen } from '../client/helpers/tls';

export interface FaultProxy {
  /** The target URL's path on the proxy's host and port. */
  url: string;
  /** Requests answered with a 503 instead of being forwarded. */
  refused: number;
  close(): Promise<void>;
}

/**
 * A forwarding proxy in front of the sandbox that answers HTTP 503 (an HTML page, as a load
 * balancer would) to every request whose body `refuse` picks, and forwards the rest. The client
 * sees a retryable failure for exactly those requests, whatever their timing or order.
 */
export async function startFaultProxy(
  target: string,
  refuse: (body: string) => boolean,
): Promise<FaultProxy> {
  const upstream = new URL(target);
  const proxy: FaultProxy = { url: '', refused: 0, close: async () => undefined };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (refuse(body.toString('utf8'))) {
        proxy.refused += 1;
        res
          .writeHead(503, { 'content-type': 'text/html' })
          .end('<html><body>503 Service Unavailable</body></html>');
        return;
      }
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
          upRes.pipe(res);
        },
      );
      out.on('error', () => res.destroy());
      out.end(body);
    });
  });
  const port = await listen(server);
  const url = new URL(target);
  url.host = `127.0.0.1:${port}`;
  proxy.url = url.toString();
  proxy.close = () => closeServer(server);
  return proxy;
}
