import http from 'node:http';
import { closeServer, listen } from '../client/helpers/tls';

/**
 * What the proxy does with one request:
 * - `forward`: pass it on and return the answer;
 * - `refuse`: answer HTTP 503 (an HTML page, as a load balancer would) without passing it on;
 * - `lose-answer`: pass it on (the service applies it), then answer 503 instead of its answer;
 * - `hold`: pass it on, then never answer (until the client gives up or is killed).
 */
export type ProxyAction = 'forward' | 'refuse' | 'lose-answer' | 'hold';

export interface FaultProxy {
  /** The target URL's path on the proxy's host and port. */
  url: string;
  /** Requests refused, answers lost, and requests applied upstream whose answer is being held. */
  counts: Record<Exclude<ProxyAction, 'forward'>, number>;
  close(): Promise<void>;
}

/**
 * A forwarding proxy in front of the sandbox that fails exactly the requests `rule` picks (by
 * their body), whatever their timing or order.
 */
export async function startFaultProxy(
  target: string,
  rule: (body: string) => ProxyAction,
): Promise<FaultProxy> {
  const upstream = new URL(target);
  const proxy: FaultProxy = {
    url: '',
    counts: { refuse: 0, 'lose-answer': 0, hold: 0 },
    close: async () => undefined,
  };
  const unavailable = (res: http.ServerResponse): void => {
    res
      .writeHead(503, { 'content-type': 'text/html' })
      .end('<html><body>503 Service Unavailable</body></html>');
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const action = rule(body.toString('utf8'));
      if (action === 'refuse') {
        proxy.counts.refuse += 1;
        unavailable(res);
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
          if (action === 'forward') {
            res.writeHead(upRes.statusCode ?? 502, upRes.headers);
            upRes.pipe(res);
            return;
          }
          upRes.resume();
          upRes.on('end', () => {
            if (action === 'lose-answer') {
              proxy.counts['lose-answer'] += 1;
              unavailable(res);
            } else proxy.counts.hold += 1; // applied upstream; the client never hears back
          });
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
