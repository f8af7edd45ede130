import { inspect } from 'node:util';
import { createTwoCheckoutClient, type CallEvent, type Logger } from '../../src';
import { startPhpSoapServer, type PhpCase, type PhpSoapServer } from '../soap/php-soap-server';
import { startForwarder, type Forwarder } from './helpers/forwarder';

/**
 * A canary secret key, and the session IDs and login hashes that really went over the wire, must
 * never show up in a log line, an event, an error message or any (non-enumerable) error property
 * — even when the server echoes them back in a faultstring.
 */
const SECRET = 'CANARY-SECRET-123';
let sessionCounter = 0;

function answer(xml: string): PhpCase {
  const op = /<tns:(\w+)>/.exec(xml)?.[1] ?? '';
  const session = /<sessionID>([^<]*)</.exec(xml)?.[1] ?? '';
  const hash = /<hash>([^<]*)</.exec(xml)?.[1] ?? '';
  const echo = `session=${session} hash=${hash} key=${SECRET}`;
  if (op === 'login') {
    if (xml.includes('<merchantCode>BADCODE<'))
      return { operation: op, fault: { code: 'FORBIDDEN', string: `Invalid hash provided ${echo}` } };
    // Not hex on purpose: redaction must not depend on a token's shape.
    return { operation: op, return: `sess-canary-${++sessionCounter}-opaque` };
  }
  const ref = /<AvangateCustomerReference[^>]*>(\d+)</.exec(xml)?.[1];
  if (op === 'getCustomerInformation' && ref === '1')
    return { operation: op, fault: { code: 'FORBIDDEN', string: `Session expired ${echo}` } };
  if (op === 'getCustomerInformation' && ref === '2')
    return { operation: op, fault: { code: 'NOT_FOUND_CUSTOMER', string: `No customer ${echo}` } };
  if (op === 'getCustomerInformation' && ref === '3')
    return { operation: op, fault: { code: 'INTERNAL_ERROR', string: `Boom ${echo}` } };
  if (op === 'createCustomer')
    return { operation: op, fault: { code: 'INTERNAL_ERROR', string: `Boom ${echo}` } };
  if (op === 'updateCustomerInformation')
    return { operation: op, fault: { code: 'INVALID_EMAIL', string: `Bad ${echo}` } };
  return {
    operation: op,
    return: { AvangateCustomerReference: Number(ref ?? 9), Email: 'a@example.com', ExistingCards: [] },
  };
}

describe('secrets never leak', () => {
  let php: PhpSoapServer;
  let wire: Forwarder;

  beforeAll(async () => {
    php = await startPhpSoapServer(answer);
    wire = await startForwarder(php.url);
  });
  afterAll(async () => {
    await wire.close();
    await php.close();
  });

  it('not in logs, events, error messages or error properties', async () => {
    const lines: string[] = [];
    const line =
      (level: string) =>
      (obj: Record<string, unknown>, msg?: string): void => {
        lines.push(`${level} ${JSON.stringify(obj)} ${msg ?? ''}`);
      };
    const logger: Logger = {
      debug: line('debug'),
      info: line('info'),
      warn: line('warn'),
      error: line('error'),
    };
    const events: CallEvent[] = [];
    const options = {
      secretKey: SECRET,
      url: wire.url,
      timeoutMs: 20_000,
      retry: { baseDelayMs: 1, maxDelayMs: 2 },
      logger,
      onEvent: (e: CallEvent) => events.push(e),
    };
    const client = createTwoCheckoutClient({ merchantCode: 'DEMO', ...options });
    const bad = createTwoCheckoutClient({ merchantCode: 'BADCODE', ...options });

    const errors: unknown[] = [];
    const capture = (p: Promise<unknown>): Promise<void> =>
      p.then(
        () => undefined,
        (e: unknown) => void errors.push(e),
      );
    await capture(client.customers.get(9));
    await capture(client.customers.get(1)); // session fault, re-login, replay, fault again
    await capture(client.customers.get(2));
    await capture(client.customers.get(3));
    await capture(
      client.customers.create({
        FirstName: 'J',
        LastName: 'D',
        Address1: 'A',
        City: 'C',
        Zip: 'Z',
        CountryCode: 'US',
        Email: 'j@example.com',
      }),
    );
    await capture(client.customers.update(9, { Email: 'b@example.com' }));
    await capture(client.customers.update(9, { Email: SECRET }));
    await capture(bad.customers.get(9));
    await capture(
      Promise.resolve().then(() =>
        createTwoCheckoutClient({ merchantCode: 'DEMO', secretKey: SECRET, timeoutMs: -1 }),
      ),
    );

    const sessions = new Set<string>();
    const hashes = new Set<string>();
    for (const body of wire.bodies) {
      const s = /<sessionID>([^<]+)</.exec(body)?.[1];
      const h = /<hash>([^<]+)</.exec(body)?.[1];
      if (s) sessions.add(s);
      if (h) hashes.add(h);
    }
    expect(sessions.size).toBeGreaterThanOrEqual(2);
    expect(hashes.size).toBeGreaterThanOrEqual(2);
    expect(errors.length).toBe(8);
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.some((l) => l.includes('Boom'))).toBe(true);

    const haystack = [
      ...lines,
      JSON.stringify(events),
      // The clients hold the key and a live session: inspecting them must not show either.
      inspect(client, { showHidden: true, depth: 10, getters: true }),
      inspect(bad, { showHidden: true, depth: 10, getters: true }),
      ...errors.flatMap((e) => [
        String(e),
        (e as Error).stack ?? '',
        JSON.stringify(e),
        inspect(e, { showHidden: true, depth: 10, getters: true }),
        JSON.stringify(Object.getOwnPropertyNames(e).map((k) => (e as Record<string, unknown>)[k])),
      ]),
    ].join('\n');
    expect(haystack).toContain('[REDACTED]');
    expect(haystack).not.toContain(SECRET);
    for (const s of sessions) expect(haystack).not.toContain(s);
    for (const h of hashes) expect(haystack).not.toContain(h);
    await client.close();
    await bad.close();
  });
});
