// What outside testing threw at the sandbox: huge elements, bodies in the wrong encoding,
// malformed URLs, more connections than it should serve. Each gets a clear answer, loses nothing
// and leaves the server serving.
import net from 'node:net';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import { XML_LIMITS } from '../../src/sandbox/xml/parse-xml';
import { envelope, faultOf, get, post, session, textOf } from './helpers';

const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';

let sb: Sandbox;
let sid: string;
beforeAll(async () => {
  sb = await startSandbox({ maxBodyBytes: 4 * 1024 * 1024 });
  sid = (await session(sb.url)).id;
});
afterAll(() => sb.stop());

async function fault(body: string | Buffer, contentType = 'text/xml; charset=utf-8') {
  const res = await fetch(sb.url, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
    signal: AbortSignal.timeout(20_000),
  });
  return { status: res.status, ...faultOf(await res.text()) };
}

function rpc(inner: string, rootAttributes = ''): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="${SOAP11}" xmlns:ns1="urn:order"${rootAttributes}>` +
    `<s:Body>${inner}</s:Body></s:Envelope>`
  );
}

function firstName(ref: number): unknown {
  return sb.customers('DEMO')?.find((c) => c.AvangateCustomerReference === ref)?.FirstName;
}

describe('the parser caps attributes and elements while it reads', () => {
  test('100,000 attributes on one element (1 MB) are refused by the cap, not parsed', async () => {
    const attrs = Array.from({ length: 100_000 }, (_, i) => ` a${i}="x"`).join('');
    const f = await fault(rpc(`<ns1:login${attrs}/>`));
    expect(f).toEqual({
      status: 500,
      code: 'SOAP-ENV:Client',
      string: `More than ${XML_LIMITS.maxAttributesPerElement} attributes on one XML element`,
    });
  });

  test('namespace declarations count as attributes too', async () => {
    const decls = Array.from({ length: 5000 }, (_, i) => ` xmlns:p${i}="urn:p${i}"`).join('');
    expect((await fault(rpc('<ns1:login/>', decls))).string).toBe(
      `More than ${XML_LIMITS.maxAttributesPerElement} attributes on one XML element`,
    );
  });

  test('the cap leaves room for what real clients send', async () => {
    const decls = Array.from(
      { length: XML_LIMITS.maxAttributesPerElement - 2 },
      (_, i) => ` xmlns:p${i}="urn:p"`,
    );
    const res = await post(
      sb.url,
      rpc(
        `<ns1:getCustomerInformation><sessionID>${sid}</sessionID><AvangateCustomerReference>1001</AvangateCustomerReference></ns1:getCustomerInformation>`,
        decls.join(''),
      ),
    );
    expect(res.status).toBe(200);
  });

  test('duplicate attributes are malformed XML (by name, and by namespace + local name)', async () => {
    const a = await fault(rpc(`<ns1:login a="1" a="2"/>`));
    expect(a.code).toBe('SOAP-ENV:Client');
    expect(a.string).toMatch(/^Bad Request: Malformed XML: .*duplicate attribute/);
    const b = await fault(
      rpc(
        `<ns1:getCustomerInformation xmlns:x="urn:same" xmlns:y="urn:same"><sessionID x:n="1" y:n="2">${sid}</sessionID></ns1:getCustomerInformation>`,
      ),
    );
    expect(b.string).toMatch(/duplicate attribute: \{urn:same\}n/);
  });

  test('more elements than the cap in one request are refused', async () => {
    const items = '<item/>'.repeat(XML_LIMITS.maxElements + 1);
    const f = await fault(
      rpc(
        `<ns1:createCustomer><sessionID>${sid}</sessionID><Customer><ExistingCards>${items}</ExistingCards></Customer></ns1:createCustomer>`,
      ),
    );
    expect(f.string).toBe(`More than ${XML_LIMITS.maxElements} XML elements in one request`);
  });

  test('the server answers the next request after each refusal', async () => {
    const res = await post(
      sb.url,
      envelope('getCustomerInformation', [
        ['sessionID', sid],
        ['AvangateCustomerReference', 1001],
      ]),
    );
    expect(res.status).toBe(200);
  });
});

describe('only UTF-8 is read; nothing is ever stored as U+FFFD', () => {
  const update = (name: string): string =>
    rpc(
      `<ns1:updateCustomerInformation><sessionID>${sid}</sessionID><Customer><AvangateCustomerReference>1003</AvangateCustomerReference>` +
        `<FirstName>${name}</FirstName></Customer><UpdateEndUserSubscriptions>false</UpdateEndUserSubscriptions></ns1:updateCustomerInformation>`,
    );

  test('an ISO-8859-1 body that says so in its XML declaration: fault, nothing stored', async () => {
    const before = firstName(1003);
    const body = Buffer.from(update('Zürich').replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), 'latin1');
    expect(await fault(body)).toEqual({
      status: 500,
      code: 'SOAP-ENV:Client',
      string: 'Unsupported encoding ISO-8859-1 in the XML declaration: send the request as UTF-8',
    });
    expect(firstName(1003)).toBe(before);
  });

  test('ISO-8859-1 bytes without a declaration: fault naming the first bad byte', async () => {
    const before = firstName(1003);
    const text = update('Zürich').replace(' encoding="UTF-8"', '');
    const body = Buffer.from(text, 'latin1');
    const offset = Buffer.from(text.slice(0, text.indexOf('ü')), 'latin1').length;
    expect(await fault(body)).toEqual({
      status: 500,
      code: 'SOAP-ENV:Client',
      string: `Bad Request: the request body is not valid UTF-8: byte 0xFC at offset ${offset} (line 1); send the request as UTF-8`,
    });
    expect(firstName(1003)).toBe(before);
  });

  test('a non-UTF-8 charset in the Content-Type is refused, even for ASCII bytes', async () => {
    const f = await fault(update('Plain'), 'text/xml; charset=ISO-8859-1');
    expect(f.string).toBe('Unsupported charset ISO-8859-1 in the Content-Type: send the request as UTF-8');
    expect((await fault(update('Plain'), 'text/xml; charset="windows-1252"')).string).toMatch(/windows-1252/);
  });

  test('UTF-16, with or without a BOM, is refused', async () => {
    const text = update('Zürich').replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect((await fault(le)).string).toBe('The request body is UTF-16 or UTF-32: send the request as UTF-8');
    expect((await fault(Buffer.from(text, 'utf16le'))).code).toBe('SOAP-ENV:Client');
  });

  test('US-ASCII declared but a byte is not ASCII: fault', async () => {
    const body = Buffer.from(update('Zürich').replace('encoding="UTF-8"', 'encoding="US-ASCII"'), 'utf8');
    expect((await fault(body)).string).toMatch(/^The request declares US-ASCII but byte \d+ is not ASCII/);
  });

  test.each([
    ['an overlong form', [0xc0, 0xaf]],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80]],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a lone continuation byte', [0x80]],
    ['a truncated sequence', [0xe2, 0x82]],
  ])('%s is not UTF-8', async (_name, bytes) => {
    const [head, tail] = update('X').split('X</FirstName>');
    const body = Buffer.concat([Buffer.from(head), Buffer.from(bytes), Buffer.from(`</FirstName>${tail}`)]);
    const f = await fault(body);
    expect(f.string).toBe(
      `Bad Request: the request body is not valid UTF-8: byte 0x${bytes[0].toString(16).toUpperCase()} at offset ${Buffer.byteLength(head)} (line 1); send the request as UTF-8`,
    );
  });

  test('real UTF-8, with a BOM or without, is stored exactly', async () => {
    const name = 'Zoë 😀 東京';
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(update(name))]);
    const res = await fetch(sb.url, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: withBom,
    });
    expect(res.status).toBe(200);
    expect(firstName(1003)).toBe(name);
    const ascii = await post(sb.url, update('Ascii'), { 'content-type': 'text/xml; charset=us-ascii' });
    expect(ascii.status).toBe(200);
    expect(firstName(1003)).toBe('Ascii');
  });
});

function rawRequest(port: number, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(head));
    let data = '';
    socket.setTimeout(20_000, () => socket.destroy(new Error('no answer')));
    socket.on('data', (d) => (data += d.toString()));
    socket.on('close', () => resolve(data));
    socket.on('error', reject);
  });
}

describe('malformed URLs get 400, never 500', () => {
  test.each([
    '/%ZZ',
    '/soap/4.0/%ZZ',
    '/__sandbox/customers/%ZZ',
    '/__sandbox/customers/%E0%A4%A',
    '/__sandbox/customers/%C3%28',
    '/__sandbox/customers/DEMO%',
    '/soap/4.0/?wsdl&x=%G1',
  ])('GET %s → 400', async (target) => {
    const answer = await rawRequest(
      sb.port,
      `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('Malformed request URL');
  });

  test('well-formed escapes still work, and the server keeps serving', async () => {
    const origin = new URL(sb.url).origin;
    expect((await get(`${origin}/__sandbox/customers/%44EMO`)).status).toBe(200);
    expect((await get(`${origin}/__sandbox/customers/%E2%82%AC`)).status).toBe(404);
    expect(sb.stats().rejected['400']).toBeGreaterThanOrEqual(7);
  });
});

describe('concurrent connections are capped', () => {
  let small: Sandbox;
  const held: net.Socket[] = [];
  beforeAll(async () => {
    small = await startSandbox({ maxConnections: 3 });
  });
  afterAll(async () => {
    for (const s of held) s.destroy();
    await small.stop();
  });

  function open(): Promise<net.Socket> {
    return new Promise((resolve, reject) => {
      const s = net.connect(small.port, '127.0.0.1', () => resolve(s));
      s.on('error', reject);
    });
  }

  function loginOn(socket: net.Socket): Promise<string> {
    const body = envelope('login', [
      ['merchantCode', 'DEMO'],
      ['date', '2000-01-01 00:00:00'],
      ['hash', 'x'],
    ]);
    return new Promise((resolve) => {
      let data = '';
      const onData = (d: Buffer): void => {
        data += d.toString();
        const m = /\r\n\r\n/.exec(data);
        const length = Number(/content-length: (\d+)/i.exec(data)?.[1] ?? NaN);
        if (m && data.length >= m.index + 4 + length) {
          socket.off('data', onData);
          resolve(data);
        }
      };
      socket.on('data', onData);
      socket.on('close', () => resolve(data));
      socket.write(
        `POST /soap/4.0/ HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
    });
  }

  test('a connection over the cap gets 503 with Retry-After; its request is never applied', async () => {
    for (let i = 0; i < 3; i++) held.push(await open());
    // The held connections are served (one login attempt each, answered FORBIDDEN).
    expect(await loginOn(held[0])).toMatch(/^HTTP\/1\.1 500 /);
    small.resetStats();
    const extra = await open();
    const answer = await loginOn(extra);
    expect(answer).toMatch(/^HTTP\/1\.1 503 /);
    expect(answer).toMatch(/retry-after: 1/i);
    expect(answer).toContain('Too many connections');
    expect(small.stats()).toMatchObject({ calls: 0, failedLogins: 0, rejected: { '503': 1 } });
    extra.destroy();
  });

  test('once a connection closes, a new one is served again', async () => {
    held.shift()?.destroy();
    let answer = '';
    for (let attempt = 0; attempt < 50 && !/^HTTP\/1\.1 500 /.test(answer); attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 100));
      const socket = await open();
      answer = await loginOn(socket);
      socket.destroy();
    }
    expect(answer).toMatch(/^HTTP\/1\.1 500 /);
    expect(textOf(answer, 'faultcode')).toBe('FORBIDDEN');
  });
});

describe('one request at a time per connection', () => {
  function pipelined(
    port: number,
    bodies: string[],
  ): Promise<{ socket: net.Socket; received: () => string }> {
    return new Promise((resolve, reject) => {
      let data = '';
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write(
          bodies
            .map(
              (b) =>
                `POST /soap/4.0/ HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(b)}\r\n\r\n${b}`,
            )
            .join(''),
        );
        resolve({ socket, received: () => data });
      });
      socket.on('data', (d) => (data += d.toString()));
      socket.on('error', reject);
    });
  }

  test('pipelined requests are answered in order, each after the one before', async () => {
    const bodies = [1001, 1002, 1003].map((ref) =>
      envelope('getCustomerInformation', [
        ['sessionID', sid],
        ['AvangateCustomerReference', ref],
      ]),
    );
    const { socket, received } = await pipelined(sb.port, bodies);
    for (let i = 0; i < 200 && (received().match(/<\/SOAP-ENV:Envelope>/g) ?? []).length < 3; i++) {
      await new Promise((r) => setTimeout(r, 25));
    }
    socket.destroy();
    const refs = [...received().matchAll(/<AvangateCustomerReference xsi:type="xsd:int">(\d+)</g)].map((m) =>
      Number(m[1]),
    );
    expect(refs).toEqual([1001, 1002, 1003]);
  });

  test('behind a request that hangs, the rest of the connection is neither read nor applied', async () => {
    const hanging = await startSandbox({ faults: { hangRate: 1, operations: ['login'] } });
    try {
      const create = envelope('createCustomer', [
        ['sessionID', 'whatever'],
        ['Customer', { FirstName: 'Never' }],
      ]);
      const { socket } = await pipelined(hanging.port, [
        envelope('login', [['merchantCode', 'DEMO']]),
        create,
      ]);
      // The login hangs for good, so waiting longer could only let the second request in.
      await new Promise((r) => setTimeout(r, 500));
      expect(hanging.stats()).toMatchObject({ calls: 1, operations: { login: { calls: 1 } } });
      expect(hanging.stats().operations.createCustomer).toBeUndefined();
      socket.destroy();
    } finally {
      await hanging.stop();
    }
  });
});
