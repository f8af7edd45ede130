// Test helper: a local HTTP endpoint whose every request is answered by PHP's real SoapServer over
// our WSDL (scripts/capture-fixtures.php), so node-soap is checked against ext/soap, not a fake.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { vendoredWsdlPath } from '../../src/soap';

const SCRIPT = path.resolve(__dirname, '../../scripts/capture-fixtures.php');

export type PhpCase =
  { operation: string; return: unknown } | { operation: string; fault: { code: string; string: string } };

export interface PhpExchange {
  requestXml: string;
  responseXml: string;
  /** What PHP's handler received. */
  received: { operation: string; args: unknown[] };
  /** The same, as PHP's json_encode printed it (keeps 0.0 apart from 0). */
  receivedJson: string;
}

export interface PhpSoapServer {
  url: string;
  exchanges: PhpExchange[];
  close(): Promise<void>;
}

export function runPhpSoapServer(
  requestXml: string,
  phpCase: PhpCase,
): Promise<Omit<PhpExchange, 'requestXml'>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'php-soap-'));
  const files = ['request.xml', 'case.json', 'response.xml', 'received.json'].map((f) => path.join(dir, f));
  fs.writeFileSync(files[0], requestXml);
  fs.writeFileSync(files[1], JSON.stringify(phpCase));
  return new Promise((resolve, reject) => {
    execFile('php', [SCRIPT, vendoredWsdlPath(), ...files], { timeout: 20000 }, (err, _stdout, stderr) => {
      try {
        if (err && (err as NodeJS.ErrnoException).code === 'ENOENT') {
          throw new Error('php is not installed: apt-get install -y php-cli php-soap');
        }
        if (err) throw new Error(`php failed (${err.message}): ${stderr}`);
        if (stderr) throw new Error(`php wrote to stderr: ${stderr}`);
        const receivedJson = fs.readFileSync(files[3], 'utf8');
        resolve({
          responseXml: fs.readFileSync(files[2], 'utf8'),
          received: JSON.parse(receivedJson) as PhpExchange['received'],
          receivedJson,
        });
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

export async function startPhpSoapServer(caseFor: (requestXml: string) => PhpCase): Promise<PhpSoapServer> {
  const exchanges: PhpExchange[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const requestXml = Buffer.concat(chunks).toString('utf8');
      runPhpSoapServer(requestXml, caseFor(requestXml)).then(
        (out) => {
          exchanges.push({ requestXml, ...out });
          const status = out.responseXml.includes('<SOAP-ENV:Fault>') ? 500 : 200;
          res.writeHead(status, { 'content-type': 'text/xml; charset=utf-8' });
          res.end(out.responseXml);
        },
        (err: Error) => {
          res.writeHead(599, { 'content-type': 'text/plain' });
          res.end(err.message);
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/soap/4.0/`,
    exchanges,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
