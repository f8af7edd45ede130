// A small local HTTP server that answers login like PHP's SoapServer and every other request with
// whatever the test scripts: the hostile or broken servers outside testing found the defects with.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

const ENVELOPE =
  '<?xml version="1.0" encoding="UTF-8"?>\n<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" ' +
  'xmlns:ns1="urn:order" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
  'xmlns:SOAP-ENC="http://schemas.xmlsoap.org/soap/encoding/" SOAP-ENV:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/">';

/** A PHP-style response envelope around `body` (the Body's content). */
export function envelope(body: string): string {
  return `${ENVELOPE}<SOAP-ENV:Body>${body}</SOAP-ENV:Body></SOAP-ENV:Envelope>\n`;
}

export function phpFault(code: string, text: string): string {
  return `${ENVELOPE}<SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>${code}</faultcode><faultstring>${text}</faultstring></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>\n`;
}

export const LOGIN_OK = envelope(
  '<ns1:loginResponse><loginReturn xsi:type="xsd:string">hostile-session-0001</loginReturn></ns1:loginResponse>',
);

export type Answer = (op: string, n: number, req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface HostileServer {
  url: string;
  /** Requests per operation. */
  counts: Map<string, number>;
  close(): Promise<void>;
}

/** Login succeeds; every other operation is answered by `answer` (n counts that operation's requests). */
export async function startHostileServer(answer: Answer): Promise<HostileServer> {
  const counts = new Map<string, number>();
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const xml = Buffer.concat(chunks).toString('utf8');
      const op = /<tns:(\w+)>/.exec(xml)?.[1] ?? '';
      const n = (counts.get(op) ?? 0) + 1;
      counts.set(op, n);
      if (op === 'login') {
        res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
        res.end(LOGIN_OK);
        return;
      }
      answer(op, n, req, res);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/soap/4.0/`,
    counts,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

export function send(
  res: http.ServerResponse,
  status: number,
  body: string,
  headers: http.OutgoingHttpHeaders = {},
): void {
  res.writeHead(status, { 'content-type': 'text/xml; charset=utf-8', ...headers });
  res.end(body);
}
