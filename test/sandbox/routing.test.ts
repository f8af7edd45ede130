import http from 'node:http';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import { envelope, get, loginParts, post, session } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb.stop());

function origin(): string {
  return new URL(sb.url).origin;
}

describe('WSDL', () => {
  test('GET ?wsdl serves the vendored WSDL with the sandbox as soap:address', async () => {
    const res = await get(sb.wsdlUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
    expect(res.body).toContain(`<soap:address location="${sb.url}"/>`);
    expect(res.body).not.toContain('location="https://api.2checkout.com');
    expect(res.body).toContain('targetNamespace="urn:order"');
  });

  test('?WSDL works case-insensitively and without the trailing slash', async () => {
    const res = await get(`${origin()}/soap/4.0?WSDL`);
    expect(res.status).toBe(200);
    expect(res.body).toContain(sb.url);
  });

  test('url and wsdlUrl follow the contract', () => {
    expect(sb.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/soap\/4\.0\/$/);
    expect(sb.wsdlUrl).toBe(`${sb.url}?wsdl`);
    expect(sb.port).toBe(Number(new URL(sb.url).port));
  });
});

describe('wrong method or path', () => {
  // PHP's SoapServer serves only GET ?wsdl and answers every other non-POST request with an
  // empty 200 (php-http-differential.test.ts compares with PHP); the note header says why.
  test.each([
    ['GET', ''],
    ['GET', '?wsdl=1'],
    ['HEAD', '?wsdl'],
    ['PUT', ''],
    ['DELETE', ''],
  ])('%s %s on the service is ignored as PHP ignores it: an empty 200', async (method, query) => {
    const res = await fetch(`${sb.url}${query}`, {
      method,
      body: method === 'PUT' ? 'x' : undefined,
      signal: AbortSignal.timeout(10_000),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(res.headers.get('x-sandbox-note')).toMatch(/^ignored, as PHP's SoapServer ignores it: /);
  });

  test('a POST without a Content-Type is ignored as PHP ignores it, and nothing is applied', async () => {
    const before = sb.stats().calls;
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(sb.url, { method: 'POST' }, (r) => {
        let body = '';
        r.on('data', (d: Buffer) => (body += d.toString()));
        r.on('end', () => resolve({ status: r.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end(envelope('login', loginParts()));
    });
    expect(res).toEqual({ status: 200, body: '' });
    expect(sb.stats().calls).toBe(before);
  });

  test('an unknown path is 404', async () => {
    expect((await get(`${origin()}/soap/3.0/`)).status).toBe(404);
    expect((await post(`${origin()}/nope`, '<x/>')).status).toBe(404);
  });

  test('admin endpoints refuse the wrong method', async () => {
    expect((await post(`${origin()}/__sandbox/stats`, '')).status).toBe(405);
    expect((await get(`${origin()}/__sandbox/stats/reset`)).status).toBe(405);
  });
});

describe('test endpoints', () => {
  test('GET /__sandbox/stats counts calls and logins per operation and merchant; reset clears them', async () => {
    await post(`${origin()}/__sandbox/stats/reset`, '');
    const s = await session(sb.url);
    for (let i = 0; i < 3; i++) {
      await s.call('getCustomerInformation', [
        ['AvangateCustomerReference', 1002],
        ['ExternalCustomerReference', null],
      ]);
    }
    await s.call('getCustomerInformation', [
      ['AvangateCustomerReference', 424242],
      ['ExternalCustomerReference', null],
    ]);
    const stats = JSON.parse((await get(`${origin()}/__sandbox/stats`)).body);
    expect(stats.calls).toBe(5);
    expect(stats.logins).toBe(1);
    expect(stats.operations.getCustomerInformation).toEqual({
      calls: 4,
      faults: { NOT_FOUND_CUSTOMER: 1 },
      injected: {},
    });
    expect(stats.merchants.DEMO).toMatchObject({ calls: 5, logins: 1, faults: { NOT_FOUND_CUSTOMER: 1 } });
    expect(sb.stats()).toEqual(stats);
    const reset = await post(`${origin()}/__sandbox/stats/reset`, '');
    expect(reset.status).toBe(200);
    expect(sb.stats()).toMatchObject({ calls: 0, logins: 0, operations: {}, merchants: {} });
  });

  test('stats never contain the secret key, a hash or a session ID', async () => {
    const s = await session(sb.url);
    await s.call('getCustomerInformation', [['AvangateCustomerReference', 1001]]);
    const text = (await get(`${origin()}/__sandbox/stats`)).body;
    expect(text).not.toContain('DEMO_SECRET_KEY');
    expect(text).not.toContain(s.id);
    expect(text).not.toMatch(/[0-9a-f]{32}/);
  });

  test('GET /__sandbox/customers/DEMO dumps the merchant customers as the API returns them', async () => {
    const res = await get(`${origin()}/__sandbox/customers/DEMO`);
    expect(res.status).toBe(200);
    const customers = JSON.parse(res.body) as Record<string, unknown>[];
    expect(customers.length).toBeGreaterThanOrEqual(10);
    expect(customers[0]).toMatchObject({
      AvangateCustomerReference: 1001,
      ExternalCustomerReference: 'CRM-0001',
    });
    expect(customers.find((c) => c.AvangateCustomerReference === 1005)).toMatchObject({
      Company: null,
      Phone: null,
    });
    expect((await get(`${origin()}/__sandbox/customers/NOPE`)).status).toBe(404);
  });

  test('POST /__sandbox/sessions/expire ends every session', async () => {
    const s = await session(sb.url);
    const res = await post(`${origin()}/__sandbox/sessions/expire`, '');
    expect(JSON.parse(res.body).expired).toBeGreaterThanOrEqual(1);
    const after = await s.call('getCustomerInformation', [['AvangateCustomerReference', 1001]]);
    expect(after.status).toBe(500);
    expect(after.body).toContain('<faultcode>FORBIDDEN</faultcode>');
  });
});

test('garbage on the wire gets HTTP 400 and the server keeps serving', async () => {
  const net = await import('node:net');
  const answer = await new Promise<string>((resolve, reject) => {
    const socket = net.connect(sb.port, '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
    let data = '';
    socket.on('data', (d) => (data += d.toString()));
    socket.on('close', () => resolve(data));
    socket.on('error', reject);
  });
  expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request/);
  expect((await get(sb.wsdlUrl)).status).toBe(200);
});

test('failed logins are counted, for unknown merchant codes too (which get no per-merchant entry)', async () => {
  sb.resetStats();
  await post(sb.url, envelope('login', loginParts('NOBODY', 'x')));
  await post(sb.url, envelope('login', loginParts('DEMO', 'wrong')));
  const stats = sb.stats();
  expect(stats.failedLogins).toBe(2);
  expect(stats.merchants.DEMO.failedLogins).toBe(1);
  expect(Object.keys(stats.merchants)).toEqual(['DEMO']);
  expect(stats.operations.login.faults).toEqual({ FORBIDDEN: 2 });
});

test('responses carry the SOAP content type, faults HTTP 500', async () => {
  const res = await post(sb.url, envelope('getCustomerInformation', [['sessionID', 'nope']]));
  expect(res.status).toBe(500);
  expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
});
