import http from 'node:http';
import type net from 'node:net';
import {
  bypassesProxy,
  createHttpTransport,
  resolveProxy,
  type HttpTransport,
  type TransportOptions,
} from '../../src/soap/transport';
import { closeServer, connectProxy, httpsServer, listen, selfSignedCert, type TestCert } from './helpers/tls';

/** One exchange through the transport; resolves to the response text. */
async function post(t: HttpTransport): Promise<string> {
  let text = '';
  await t.exchange(
    'x',
    'urn:test',
    { headers: () => undefined, data: (chunk) => void (text += chunk) },
    { endAt: Date.now() + 5000, endReason: 'timeout' },
  );
  return text;
}

const createTransport = (o: TransportOptions & { timeoutMs?: number }): HttpTransport =>
  createHttpTransport(o);

const ok: http.RequestListener = (_req, res) => {
  res.setHeader('content-type', 'text/plain');
  res.end('ok');
};

describe('transport', () => {
  let cert: TestCert;
  const servers: net.Server[] = [];
  beforeAll(async () => {
    cert = await selfSignedCert();
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => closeServer(s)));
  });

  it('reuses one keep-alive connection for sequential calls', async () => {
    const server = http.createServer(ok);
    let connections = 0;
    server.on('connection', () => (connections += 1));
    servers.push(server);
    const port = await listen(server);
    const t = createTransport({ endpoint: `http://127.0.0.1:${port}/`, timeoutMs: 5000, proxy: null });
    for (let i = 0; i < 20; i++) expect(await post(t)).toBe('ok');
    expect(connections).toBe(1);
    t.close();
    t.close();
  });

  it('verifies TLS by default and trusts an extra CA only when given', async () => {
    const server = httpsServer(cert, ok);
    servers.push(server);
    const port = await listen(server);
    const url = `https://127.0.0.1:${port}/`;

    const strict = createTransport({ endpoint: url, timeoutMs: 5000, proxy: null });
    await expect(post(strict)).rejects.toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    strict.close();

    const withCa = createTransport({ endpoint: url, timeoutMs: 5000, proxy: null, extraCa: cert.cert });
    expect(await post(withCa)).toBe('ok');
    withCa.close();
  });

  it('turns verification off only when asked, with a warning', async () => {
    const server = httpsServer(cert, ok);
    servers.push(server);
    const port = await listen(server);
    const url = `https://127.0.0.1:${port}/`;
    const warnings: string[] = [];
    const t = createTransport({
      endpoint: url,
      timeoutMs: 5000,
      proxy: null,
      tlsInsecure: true,
      warn: (m: string) => warnings.push(m),
    });
    expect(await post(t)).toBe('ok');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('DISABLED');
    t.close();
  });

  it('tunnels through a proxy, verifying the endpoint certificate end to end', async () => {
    const target = httpsServer(cert, ok);
    const { server: proxyServer, targets } = connectProxy();
    servers.push(target, proxyServer);
    const port = await listen(target);
    const proxyPort = await listen(proxyServer);
    const url = `https://127.0.0.1:${port}/`;
    const proxy = `http://127.0.0.1:${proxyPort}`;

    const t = createTransport({ endpoint: url, timeoutMs: 5000, proxy, extraCa: cert.cert });
    expect(t.proxyForLog).toBe(`http://127.0.0.1:${proxyPort}/`);
    for (let i = 0; i < 3; i++) expect(await post(t)).toBe('ok');
    expect(targets).toEqual([`127.0.0.1:${port}`]);
    t.close();

    const noCa = createTransport({ endpoint: url, timeoutMs: 5000, proxy });
    await expect(post(noCa)).rejects.toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    noCa.close();

    // A proxy from the environment is not used for a loopback endpoint.
    const local = createTransport({
      endpoint: url,
      timeoutMs: 5000,
      env: { HTTPS_PROXY: proxy },
      extraCa: cert.cert,
    });
    expect(local.proxyForLog).toBeUndefined();
    expect(await post(local)).toBe('ok');
    expect(targets).toHaveLength(2);
    local.close();
  });

  it('hides proxy credentials in the loggable form', () => {
    const t = createTransport({
      endpoint: 'https://api.2checkout.com/soap/4.0/',
      timeoutMs: 1000,
      proxy: 'http://user:pw@proxy.local:3128',
    });
    expect(t.proxyForLog).toBe('http://proxy.local:3128/');
    t.close();
  });
});

describe('proxy selection', () => {
  const api = new URL('https://api.2checkout.com/soap/4.0/');
  type ProxyChoice = Parameters<typeof resolveProxy>[0] & { endpoint?: string; timeoutMs?: number };
  const pick = (o: ProxyChoice, u: URL) => resolveProxy(o, u);
  it.each([
    ['*', true],
    ['api.2checkout.com', true],
    ['2checkout.com', true],
    ['.2checkout.com', true],
    ['*.2checkout.com', true],
    ['other.com, 2checkout.com:443', true],
    ['2checkout.com:8443', false],
    ['checkout.com', false],
    ['', false],
  ])('NO_PROXY=%p bypass=%p', (noProxy, expected) => {
    expect(bypassesProxy(api, noProxy)).toBe(expected);
  });

  it('prefers the explicit option, honours null, and falls back to HTTPS_PROXY', () => {
    const env = { HTTPS_PROXY: 'http://env-proxy:1' };
    expect(pick({ endpoint: api.href, timeoutMs: 1, proxy: 'http://opt:2', env }, api)).toBe('http://opt:2');
    expect(pick({ endpoint: api.href, timeoutMs: 1, proxy: null, env }, api)).toBeUndefined();
    expect(pick({ endpoint: api.href, timeoutMs: 1, env }, api)).toBe('http://env-proxy:1');
    expect(pick({ endpoint: api.href, timeoutMs: 1, env: { https_proxy: 'http://lower:3' } }, api)).toBe(
      'http://lower:3',
    );
    const plain = new URL('http://partner.example/soap/');
    expect(pick({ endpoint: plain.href, timeoutMs: 1, env: { HTTP_PROXY: 'http://p:4' } }, plain)).toBe(
      'http://p:4',
    );
    const local = new URL('http://127.0.0.1:8080/soap/4.0/');
    expect(pick({ endpoint: local.href, timeoutMs: 1, env }, local)).toBeUndefined();
    expect(pick({ endpoint: local.href, timeoutMs: 1, proxy: 'http://opt:2', env }, local)).toBe(
      'http://opt:2',
    );
  });
});
