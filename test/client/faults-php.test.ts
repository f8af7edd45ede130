import { inspect } from 'node:util';
import {
  AuthenticationError,
  NotFoundError,
  TransientError,
  UnknownOutcomeError,
  ValidationError,
  createTwoCheckoutClient,
  type CallEvent,
  type TwoCheckoutClient,
} from '../../src';
import { janeDoe } from '../helpers/customers';
import { startPhpSoapServer, type PhpCase, type PhpSoapServer } from '../soap/php-soap-server';

/**
 * Faults as PHP's SoapServer really emits them (HTTP 500, SOAP 1.1 Fault), scripted per request:
 * mapping to error classes, session recovery, unsafe writes not resent, reads retried.
 */
const SECRET = 'CANARY-SECRET-123';
const customer = {
  AvangateCustomerReference: 42,
  FirstName: 'Jane',
  Email: 'jane@example.com',
  ExistingCards: [],
};

type Script = (op: string, n: number) => PhpCase;

describe('faults from a real PHP SoapServer', () => {
  let php: PhpSoapServer;
  let script: Script;
  const counts = new Map<string, number>();
  let client: TwoCheckoutClient;
  let events: CallEvent[];

  beforeAll(async () => {
    php = await startPhpSoapServer((xml) => {
      const op = /<tns:(\w+)>/.exec(xml)?.[1] ?? '';
      const n = (counts.get(op) ?? 0) + 1;
      counts.set(op, n);
      return script(op, n);
    });
  });

  beforeEach(() => {
    counts.clear();
    events = [];
    let session = 0;
    script = (op) =>
      op === 'login'
        ? { operation: op, return: `0123456789abcdef0123456789abcd${String(++session).padStart(2, '0')}` }
        : { operation: op, return: customer };
    client = createTwoCheckoutClient({
      merchantCode: 'DEMO',
      secretKey: SECRET,
      url: php.url,
      timeoutMs: 20_000,
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
      onEvent: (e) => events.push(e),
    });
  });

  afterEach(async () => {
    await client.close();
  });

  afterAll(async () => {
    await php.close();
  });

  const getCustomer = (): Promise<unknown> => client.customers.get(42);

  it('re-logs in once and replays the call after a session fault', async () => {
    const base = script;
    script = (op, n) =>
      op === 'getCustomerInformation' && n === 1
        ? { operation: op, fault: { code: 'FORBIDDEN', string: 'Invalid hash provided or session expired' } }
        : base(op, n);
    await expect(getCustomer()).resolves.toMatchObject({ AvangateCustomerReference: 42 });
    expect(counts.get('login')).toBe(2);
    expect(counts.get('getCustomerInformation')).toBe(2);
    expect(client.stats()).toMatchObject({ logins: 2, sessionRecoveries: 1, failures: 0 });
    expect(events.map((e) => `${e.operation}:${e.outcome}`)).toEqual([
      'login:success',
      'getCustomerInformation:retrying',
      'login:success',
      'getCustomerInformation:success',
    ]);
  });

  it('raises AuthenticationError on a login fault, after one attempt, and does not loop', async () => {
    script = (op) => ({ operation: op, fault: { code: 'FORBIDDEN', string: 'Invalid hash provided' } });
    const err = await getCustomer().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    await expect(getCustomer()).rejects.toBeInstanceOf(AuthenticationError);
    expect(counts.get('login')).toBe(1);
    expect(counts.get('getCustomerInformation')).toBeUndefined();
    const dump = JSON.stringify(err) + inspect(err, { showHidden: true, depth: 10 });
    expect(dump).not.toContain(SECRET);
  });

  it('maps business faults without retrying them', async () => {
    const base = script;
    script = (op, n) =>
      op === 'getCustomerInformation'
        ? { operation: op, fault: { code: 'NOT_FOUND_CUSTOMER', string: 'Customer not found' } }
        : base(op, n);
    await expect(getCustomer()).rejects.toMatchObject({
      constructor: NotFoundError,
      faultCode: 'NOT_FOUND_CUSTOMER',
      faultString: 'Customer not found',
      attempts: 1,
      retryable: false,
    });
    expect(counts.get('getCustomerInformation')).toBe(1);
  });

  it('retries a read on a server fault, up to maxAttempts', async () => {
    const base = script;
    script = (op, n) =>
      op === 'getCustomerInformation'
        ? { operation: op, fault: { code: 'INTERNAL_ERROR', string: 'Internal error' } }
        : base(op, n);
    await expect(getCustomer()).rejects.toMatchObject({ constructor: TransientError, attempts: 3 });
    expect(counts.get('getCustomerInformation')).toBe(3);
    expect(client.stats().retries).toBe(2);

    counts.clear();
    script = (op, n) =>
      op === 'getCustomerInformation' && n === 1
        ? { operation: op, fault: { code: 'INTERNAL_ERROR', string: 'Internal error' } }
        : base(op, n);
    await expect(getCustomer()).resolves.toMatchObject({ AvangateCustomerReference: 42 });
    expect(counts.get('getCustomerInformation')).toBe(2);
  });

  it('never resends an unsafe write after a server fault: UnknownOutcomeError with reconcile info', async () => {
    const base = script;
    script = (op, n) =>
      op === 'createCustomer'
        ? { operation: op, fault: { code: 'INTERNAL_ERROR', string: 'Internal error' } }
        : base(op, n);
    const err = await client.customers.create(janeDoe('CRM-1')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnknownOutcomeError);
    expect(err).toMatchObject({
      operation: 'createCustomer',
      underlyingKind: 'transient',
      attempts: 1,
      reconcile: { externalReference: 'CRM-1' },
    });
    expect(counts.get('createCustomer')).toBe(1);
  });

  it('rejects an invalid patch locally, before any request', async () => {
    await expect(
      client.customers.update(42, { Email: 'nope', Enabled: true } as never),
    ).rejects.toMatchObject({
      constructor: ValidationError,
      problems: [
        { field: 'Email', message: expect.stringContaining('e-mail') },
        { field: 'Enabled', message: expect.stringContaining('read-only') },
      ],
    });
    expect(counts.size).toBe(0);
  });
});
