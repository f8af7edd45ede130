import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';

export interface TestCert {
  cert: string;
  key: string;
}

/** A throw-away self-signed certificate for 127.0.0.1 / localhost. */
export async function selfSignedCert(): Promise<TestCert> {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    days: 1,
  } as never);
  return { cert: pems.cert, key: pems.private };
}

export async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

export async function closeServer(server: net.Server & { closeAllConnections?: () => void }): Promise<void> {
  server.closeAllConnections?.();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** An HTTPS server with the given certificate that hands every request to `handler`. */
export function httpsServer(cert: TestCert, handler: http.RequestListener): https.Server {
  return https.createServer({ cert: cert.cert, key: cert.key }, handler);
}

/**
 * A minimal forward proxy: CONNECT tunnels (what clients use for https targets) and absolute-URI
 * forwarding (plain-http targets, as curl and http-proxy-agent do). `targets` gets one entry per
 * tunnel or per client connection forwarded over, so keep-alive reuse shows as a single entry.
 */
export function connectProxy(): { server: http.Server; targets: string[] } {
  const targets: string[] = [];
  const seen = new WeakSet<net.Socket>();
  const server = http.createServer((req, res) => {
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.statusCode = 400;
      res.end();
      return;
    }
    if (!seen.has(req.socket)) {
      seen.add(req.socket);
      targets.push(target.host);
    }
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: `${target.pathname}${target.search}`,
        headers: req.headers,
      },
      (upRes) => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        upRes.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    targets.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  return { server, targets };
}
