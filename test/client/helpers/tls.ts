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
 * A minimal forward proxy that only speaks CONNECT (what clients use for https targets), counting
 * the tunnels it opened and the targets asked for.
 */
export function connectProxy(): { server: http.Server; targets: string[] } {
  const targets: string[] = [];
  const server = http.createServer((_req, res) => {
    res.statusCode = 405;
    res.end();
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
