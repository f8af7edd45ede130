import http from 'node:http';
import { TimeoutError, TlsError, createTwoCheckoutClient, type TwoCheckoutClient } from '../../src';
import { startPhpSoapServer, type PhpSoapServer } from '../soap/php-soap-server';
import { startForwarder, type Forwarder } from './helpers/forwarder';
import { closeServer, listen, selfSignedCert, type TestCert } from './helpers/tls';

const customer = { AvangateCustomerReference: 42, FirstName: 'Jane', ExistingCards: [] };

describe('timeouts', () => {
  let hanging: http.Server;
  let url: string;
  let requests = 0;

  beforeAll(async () => {
    // Accepts requests and never answers: what a stuck upstream or a black-holed proxy looks like.
    hanging = http.createServer(() => {
      requests += 1;
    });
    url = `http://127.0.0.1:${await listen(hanging)}/soap/4.0/`;
  });
  afterAll(() => closeServer(hanging));
  beforeEach(() => {
    requests = 0;
  });

  it('fires the per-request timeout and gives up after maxAttempts', async () => {
    const client = createTwoCheckoutClient({
      merchantCode: 'DEMO',
      secretKey: 'k',
      url,
      timeoutMs: 100,
      deadlineMs: 60_000,
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
    });
    const err = await client.customers.get(1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err).toMatchObject({ operation: 'login', attempts: 3, retryable: true });
    expect(requests).toBe(3);
    await client.close();
  });

  it('stops at the overall deadline even when retries are left', async () => {
    const client = createTwoCheckoutClient({
      merchantCode: 'DEMO',
      secretKey: 'k',
      url,
      timeoutMs: 150,
      deadlineMs: 150,
      retry: { maxAttempts: 10, baseDelayMs: 1, maxDelayMs: 5 },
    });
    const err = await client.customers.get(1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    // The login's deadline is deadlineMs: one attempt fills it, no second one is started.
    expect(requests).toBe(1);
    await client.close();
  });
});

describe('TLS', () => {
  let php: PhpSoapServer;
  let front: Forwarder;
  let cert: TestCert;

  beforeAll(async () => {
    cert = await selfSignedCert();
    php = await startPhpSoapServer((xml) => {
      const op = /<tns:(\w+)>/.exec(xml)?.[1] ?? '';
      return op === 'login' ? { operation: op, return: 'tls-session' } : { operation: op, return: customer };
    });
    front = await startForwarder(php.url, cert);
  });
  afterAll(async () => {
    await front.close();
    await php.close();
  });

  const make = (extra: Partial<Parameters<typeof createTwoCheckoutClient>[0]>): TwoCheckoutClient =>
    createTwoCheckoutClient({
      merchantCode: 'DEMO',
      secretKey: 'k',
      url: front.url,
      timeoutMs: 20_000,
      ...extra,
    });

  it('refuses a self-signed server by default, without retrying', async () => {
    const client = make({});
    const err = await client.customers.get(42).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TlsError);
    expect((err as TlsError).message).toContain('caFile');
    expect(front.bodies).toHaveLength(0);
    await client.close();
  });

  it('works once the CA is configured', async () => {
    const client = make({ ca: cert.cert });
    await expect(client.customers.get(42)).resolves.toMatchObject({ AvangateCustomerReference: 42 });
    await client.close();
  });

  it('works with verification explicitly disabled, and warns', async () => {
    const warnings: string[] = [];
    const logger = {
      debug: () => undefined,
      info: () => undefined,
      warn: (_o: object, msg?: string) => warnings.push(msg ?? ''),
      error: () => undefined,
    };
    const client = make({ tlsInsecure: true, logger });
    await expect(client.customers.get(42)).resolves.toMatchObject({ AvangateCustomerReference: 42 });
    expect(warnings.some((w) => w.includes('DISABLED'))).toBe(true);
    await client.close();
  });
});
