// The defects outside testing found (issue 10, numbered as there), each against a small hostile
// local server and the real client, on both engines where the defect could live in either.
import { inspect } from 'node:util';
import {
  FaultError,
  ThrottledError,
  TransientError,
  createTwoCheckoutClient,
  type Logger,
  type TwoCheckoutClient,
  type TwoCheckoutClientOptions,
} from '../../src';
import {
  envelope,
  phpFault,
  send,
  startHostileServer,
  type Answer,
  type HostileServer,
} from './helpers/hostile-server';

const fast = { baseDelayMs: 1, throttlingBaseDelayMs: 1, maxDelayMs: 2 };

async function withServer(
  answer: Answer,
  options: Partial<TwoCheckoutClientOptions>,
  body: (client: TwoCheckoutClient, server: HostileServer) => Promise<void>,
): Promise<void> {
  const server = await startHostileServer(answer);
  const client = createTwoCheckoutClient({
    merchantCode: 'DEMO',
    secretKey: 'k',
    url: server.url,
    proxy: null,
    retry: fast,
    ...options,
  });
  try {
    await body(client, server);
  } finally {
    await client.close();
    await server.close();
  }
}

const ARRAY_OPERATIONS = [
  ['getCustomerSubscriptions', { AvangateCustomerReference: 1 }],
  ['getProductCrossSellCampaigns', { ProductCode: 'PRO' }],
  ['searchPriceOptionGroups', { SearchOptions: { Name: 'x' } }],
] as const;

type Case = [
  name: string,
  status: number,
  body: string,
  headers: Record<string, string>,
  cls: unknown,
  sends: number,
];
const notSoap = (op: string): Case[] => [
  [
    'HTTP 500 with a JSON body',
    500,
    '{"error":"upstream down"}',
    { 'content-type': 'application/json' },
    TransientError,
    3,
  ],
  ['HTTP 503 with an HTML page', 503, '<html><body>Service Unavailable</body></html>', {}, TransientError, 3],
  ['an empty 200', 200, '', {}, FaultError, 1],
  ['a 204', 204, '', {}, FaultError, 1],
  ['a 302 to a login page', 302, '', { location: 'https://sso.example/login' }, FaultError, 1],
  [
    'an envelope without a Body',
    200,
    envelope('').replace('<SOAP-ENV:Body></SOAP-ENV:Body>', ''),
    {},
    FaultError,
    1,
  ],
  [
    "another operation's response",
    200,
    envelope(
      '<ns1:getCustomerInformationResponse><getCustomerInformationReturn xsi:nil="true"/></ns1:getCustomerInformationResponse>',
    ),
    {},
    FaultError,
    1,
  ],
  [
    'a response element without its return part',
    200,
    envelope(`<ns1:${op}Response></ns1:${op}Response>`),
    {},
    FaultError,
    1,
  ],
];

describe.each(['codec', 'node-soap'] as const)('engine %s', (engine) => {
  // Defect 1: the array-returning operations resolved with [] when the answer was not SOAP.
  describe.each(ARRAY_OPERATIONS)('1. %s: an outage is never an empty list', (op, args) => {
    it.each(notSoap(op))('%s → a typed error', async (_name, status, body, headers, cls, sends) =>
      withServer(
        (_op, _n, _req, res) => send(res, status, body, headers),
        { engine },
        async (client, server) => {
          const err = await client.call(op, args as never).then(
            (v: unknown) => new Error(`resolved with ${JSON.stringify(v)}`),
            (e: unknown) => e,
          );
          expect(err).toBeInstanceOf(cls as never);
          expect(err).toMatchObject({ operation: op, attempts: sends });
          if (status >= 500) expect(err).toMatchObject({ httpStatus: status, retryable: true });
          expect(server.counts.get(op)).toBe(sends);
        },
      ),
    );

    it('a real empty list (nil or zero items) is still an empty list', async () =>
      withServer(
        (o, n, _req, res) =>
          send(
            res,
            200,
            envelope(
              n === 1
                ? `<ns1:${o}Response><${o}Return xsi:nil="true"/></ns1:${o}Response>`
                : `<ns1:${o}Response><${o}Return SOAP-ENC:arrayType="ns1:X[0]" xsi:type="ns1:ArrayOfX"/></ns1:${o}Response>`,
            ),
          ),
        { engine },
        async (client) => {
          expect(await client.call(op, args as never)).toEqual([]);
          expect(await client.call(op, args as never)).toEqual([]);
        },
      ));
  });
});

/** getCustomerSubscriptions answer: `count` subscriptions whose price option lists all point to one `items`-long list. */
function multiRefBomb(count: number, items: number): string {
  const list = Array.from({ length: items }, (_, i) => `<item xsi:type="xsd:string">P${i}</item>`).join('');
  const sub = (i: number, codes: string) =>
    `<item xsi:type="ns1:Subscription"><SubscriptionReference xsi:type="xsd:string">S${i}</SubscriptionReference>` +
    `<Product xsi:type="ns1:SubscriptionProduct">${codes}</Product></item>`;
  const subs = [
    sub(
      0,
      `<PriceOptionCodes id="ref1" SOAP-ENC:arrayType="xsd:string[${items}]">${list}</PriceOptionCodes>`,
    ),
  ];
  for (let i = 1; i < count; i++) subs.push(sub(i, '<PriceOptionCodes href="#ref1"/>'));
  return envelope(
    `<ns1:getCustomerSubscriptionsResponse><getCustomerSubscriptionsReturn SOAP-ENC:arrayType="ns1:Subscription[${count}]">` +
      `${subs.join('')}</getCustomerSubscriptionsReturn></ns1:getCustomerSubscriptionsResponse>`,
  );
}

describe('2. responses cannot make the client expand or spin without bound', () => {
  it('3,000 hrefs to one 3,000-item array: refused with a typed error, not 9 million objects', async () => {
    const bomb = multiRefBomb(3000, 3000);
    expect(bomb.length).toBeLessThan(1.5 * 1024 * 1024);
    await withServer(
      (_op, _n, _req, res) => send(res, 200, bomb),
      {},
      async (client) => {
        const err = await client
          .call('getCustomerSubscriptions', { AvangateCustomerReference: 1 })
          .catch((e) => e);
        expect(err).toBeInstanceOf(FaultError);
        const m = /expands to more than (\d+) values from (\d+) bytes/.exec((err as Error).message);
        expect(m).not.toBeNull();
        // The bound is one decoded value per response byte (plus a small base), far below 9 million.
        expect(Number(m?.[1])).toBeLessThanOrEqual(4096 + Buffer.byteLength(bomb));
        expect((err as FaultError).attempts).toBe(1);
      },
    );
  });

  it('a modest multi-ref within the bound decodes, each reference a copy', async () => {
    await withServer(
      (_op, _n, _req, res) => send(res, 200, multiRefBomb(3, 2)),
      {},
      async (client) => {
        const subs = await client.call('getCustomerSubscriptions', { AvangateCustomerReference: 1 });
        expect(subs.map((s) => s.Product?.PriceOptionCodes)).toEqual([
          ['P0', 'P1'],
          ['P0', 'P1'],
          ['P0', 'P1'],
        ]);
        expect(subs[0]?.Product?.PriceOptionCodes).not.toBe(subs[1]?.Product?.PriceOptionCodes);
      },
    );
  });

  it('a response nested a million levels deep is refused at the depth bound, not parsed', async () => {
    const depth = 1_000_000;
    await withServer(
      (_op, _n, _req, res) => {
        res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
        res.write(
          envelope('').split('<SOAP-ENV:Body>')[0] + '<SOAP-ENV:Body><ns1:getCustomerInformationResponse>',
        );
        res.write('<a>'.repeat(depth));
        res.end('</a>'.repeat(depth));
      },
      { timeoutMs: 30_000 },
      async (client) => {
        const err = await client
          .call('getCustomerInformation', { AvangateCustomerReference: 1 })
          .catch((e) => e);
        expect(err).toBeInstanceOf(FaultError);
        expect((err as Error).message).toMatch(/nested deeper than 64 levels/);
      },
    );
  });
});

describe('3. the secret key is not visible on the client', () => {
  it('util.inspect (all of it) and JSON.stringify never show it', async () => {
    const SECRET = 'CANARY-SECRET-KEY-9f8e7d';
    const client = createTwoCheckoutClient({ merchantCode: 'DEMO', secretKey: SECRET, proxy: null });
    try {
      const views = [
        inspect(client, { showHidden: true, depth: Infinity, getters: true, customInspect: false }),
        inspect(client, { showHidden: true, depth: Infinity }),
        JSON.stringify(client),
        String(Object.values(client)),
        JSON.stringify(Object.getOwnPropertyNames(client)),
      ];
      for (const v of views) expect(v).not.toContain(SECRET);
      expect(JSON.parse(JSON.stringify(client))).toMatchObject({ merchantCode: 'DEMO' });
    } finally {
      await client.close();
    }
  });
});

describe('4. server texts are capped, and only real secrets are redacted', () => {
  it('a 2 MB faultstring is cut to a few KiB with an ellipsis and its length, in errors and logs', async () => {
    const huge = 'E'.repeat(2 * 1024 * 1024);
    const lines: string[] = [];
    const log = (o: Record<string, unknown>, m?: string) =>
      void lines.push(`${JSON.stringify(o)} ${m ?? ''}`);
    const logger: Logger = { debug: log, info: log, warn: log, error: log };
    await withServer(
      (_op, _n, _req, res) => send(res, 500, phpFault('INTERNAL_ERROR', huge)),
      { logger },
      async (client) => {
        const err = await client
          .call('getCustomerInformation', { AvangateCustomerReference: 1 })
          .catch((e) => e);
        expect(err).toBeInstanceOf(TransientError);
        const e = err as TransientError;
        expect(e.faultString?.length).toBeLessThan(5000);
        expect(e.faultString).toMatch(/^E+… \[2097152 characters in all\]$/);
        expect(e.message.length).toBeLessThan(5000);
        expect(lines.length).toBeGreaterThan(0);
        for (const l of lines) expect(l.length).toBeLessThan(6000);
      },
    );
  });

  it('a faultstring that is all hex is kept as sent', async () => {
    const hex = 'deadbeef'.repeat(8);
    await withServer(
      (_op, _n, _req, res) => send(res, 500, phpFault('NOT_FOUND_CUSTOMER', hex)),
      {},
      async (client) => {
        const err = await client
          .call('getCustomerInformation', { AvangateCustomerReference: 1 })
          .catch((e) => e);
        expect((err as FaultError).faultString).toBe(hex);
      },
    );
  });

  it('the session ID the server echoes back is redacted by value, whatever it looks like', async () => {
    await withServer(
      (_op, _n, _req, res) =>
        send(res, 500, phpFault('NOT_FOUND_CUSTOMER', 'no customer for hostile-session-0001')),
      {},
      async (client) => {
        const err = await client
          .call('getCustomerInformation', { AvangateCustomerReference: 1 })
          .catch((e) => e);
        expect((err as FaultError).faultString).toBe('no customer for [REDACTED]');
      },
    );
  });
});

describe.each(['codec', 'node-soap'] as const)('5. Retry-After is honoured (engine %s)', (engine) => {
  it.each([
    ['429 with Retry-After: 3600', 429, { 'retry-after': '3600' }, '', 3_600_000],
    ['503 with Retry-After: 3600', 503, { 'retry-after': '3600' }, '<html>busy</html>', 3_600_000],
    [
      'a TOO_MANY_REQUESTS fault with an HTTP-date Retry-After an hour ahead',
      500,
      { 'retry-after': new Date(Date.now() + 3_600_000).toUTCString() },
      phpFault('TOO_MANY_REQUESTS', 'slow down'),
      3_500_000,
    ],
  ])(
    '%s beyond the deadline: fails at once with ThrottledError carrying retryAfterMs',
    async (_n, status, headers, body, atLeast) =>
      withServer(
        (_op, _n2, _req, res) => send(res, status, body, headers),
        { engine, deadlineMs: 120_000 },
        async (client, server) => {
          const err = await client
            .call('getCustomerInformation', { AvangateCustomerReference: 1 })
            .catch((e) => e);
          expect(err).toBeInstanceOf(ThrottledError);
          expect((err as ThrottledError).retryAfterMs).toBeGreaterThanOrEqual(atLeast);
          expect(server.counts.get('getCustomerInformation')).toBe(1);
        },
      ),
  );

  it('a Retry-After within the deadline is waited out, then the call is retried and succeeds', async () =>
    withServer(
      (_op, n, _req, res) =>
        n === 1
          ? send(res, 429, '', { 'retry-after': '0' })
          : send(
              res,
              200,
              envelope(
                '<ns1:getCustomerInformationResponse><getCustomerInformationReturn xsi:type="ns1:Customer">' +
                  '<AvangateCustomerReference xsi:type="xsd:int">1</AvangateCustomerReference>' +
                  '</getCustomerInformationReturn></ns1:getCustomerInformationResponse>',
              ),
            ),
      { engine },
      async (client, server) => {
        const out = await client.callWithMetadata('getCustomerInformation', { AvangateCustomerReference: 1 });
        expect(out.result.AvangateCustomerReference).toBe(1);
        expect(out.metadata).toMatchObject({ attempts: 2, httpStatus: 200 });
        expect(server.counts.get('getCustomerInformation')).toBe(2);
      },
    ));
});
