// createSoapStub against a local HTTP server: strict decoding of a bad value, whitespace kept,
// per-call timeout and abort (the mechanisms the client layer relies on).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Socket } from 'node:net';
import { createSoapStub, normalizeResult, toWireArgs, NormalizeError } from '../../src/soap';

const CAPTURED = fs.readFileSync(
  path.resolve(__dirname, '../samples/getCustomerInformation__two_cards/response.xml'),
  'utf8',
);

async function serve(handler: http.RequestListener) {
  const sockets = new Set<Socket>();
  const server = http.createServer(handler);
  server.on('connection', (s) => sockets.add(s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/soap/4.0/`,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

const args = () => toWireArgs('getCustomerInformation', { AvangateCustomerReference: 1001 }, 'SID');

test('an int that node-soap would parseInt() leniently is rejected with its path', async () => {
  const body = CAPTURED.replace(
    '<AvangateCustomerReference xsi:type="xsd:int">1001</AvangateCustomerReference>',
    '<AvangateCustomerReference xsi:type="xsd:int">1001abc</AvangateCustomerReference>',
  );
  expect(body).not.toBe(CAPTURED);
  const server = await serve((_req, res) => res.end(body));
  try {
    const stub = await createSoapStub({ endpoint: server.url });
    const { result } = await stub.invoke('getCustomerInformation', args());
    expect(() => normalizeResult('getCustomerInformation', result)).toThrow(
      new NormalizeError(
        'getCustomerInformation',
        'response',
        'getCustomerInformationReturn.AvangateCustomerReference',
        'expected xsd:int, got a string',
      ),
    );
  } finally {
    await server.close();
  }
});

test('pretty-printed responses still normalize; string whitespace is kept', async () => {
  const pretty = CAPTURED.replace(/></g, '>\n  <').replace(
    '<City xsi:type="xsd:string">London</City>',
    '<City xsi:type="xsd:string">  London \n</City>',
  );
  const server = await serve((_req, res) => res.end(pretty));
  try {
    const stub = await createSoapStub({ endpoint: server.url });
    const c = normalizeResult(
      'getCustomerInformation',
      (await stub.invoke('getCustomerInformation', args())).result,
    );
    expect(c.City).toBe('  London \n');
    expect(c.ExistingCards.map((x) => x.LastDigits)).toEqual(['1111', '4444']);
    expect(c.AvangateCustomerReference).toBe(1001);
    expect(c.Enabled).toBe(true);
  } finally {
    await server.close();
  }
});

test('a per-call timeout and an abort signal end a call to a server that never answers', async () => {
  const server = await serve(() => undefined);
  try {
    const stub = await createSoapStub({ endpoint: server.url });
    await expect(stub.invoke('getCustomerInformation', args(), { timeout: 200 })).rejects.toThrow(/timeout/i);
    const controller = new AbortController();
    const call = stub.invoke('getCustomerInformation', args(), { signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toThrow(/cancel|abort/i);
  } finally {
    await server.close();
  }
});

test('the raw request and response are returned for diagnostics', async () => {
  const server = await serve((_req, res) => res.end(CAPTURED));
  try {
    const stub = await createSoapStub({ endpoint: server.url });
    const out = await stub.invoke('getCustomerInformation', args());
    expect(out.rawResponse.trim()).toBe(CAPTURED.trim());
    expect(out.rawRequest).toContain('<tns:getCustomerInformation><sessionID>SID</sessionID>');
  } finally {
    await server.close();
  }
});
