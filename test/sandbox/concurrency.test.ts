import http from 'node:http';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import { envelope, session } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb.stop());

function postWith(agent: http.Agent, url: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', agent, timeout: 20_000, headers: { 'content-type': 'text/xml' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

test('1,000 concurrent calls on one session over keep-alive sockets: all answered, one login', async () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  try {
    const s = await session(sb.url);
    sb.resetStats();
    const results = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        postWith(
          agent,
          sb.url,
          envelope('getCustomerInformation', [
            ['sessionID', s.id],
            ['AvangateCustomerReference', 1001 + (i % 10)],
          ]),
        ),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1000);
    const stats = sb.stats();
    expect(stats.calls).toBe(1000);
    expect(stats.logins).toBe(0);
    expect(stats.operations.getCustomerInformation.calls).toBe(1000);
  } finally {
    agent.destroy();
  }
});

test('concurrent creates with the same ExternalCustomerReference: exactly one wins', async () => {
  const s = await session(sb.url);
  const customer = {
    ExternalCustomerReference: 'RACE-1',
    FirstName: 'R',
    LastName: 'Ace',
    Address1: 'a',
    City: 'b',
    Zip: '1',
    CountryCode: 'IT',
    Email: 'race@example.com',
  };
  const results = await Promise.all(
    Array.from({ length: 20 }, () => s.call('createCustomer', [['Customer', customer]])),
  );
  expect(results.filter((r) => r.status === 200)).toHaveLength(1);
  expect(results.filter((r) => r.body.includes('DUPLICATE_EXTERNAL_REFERENCE'))).toHaveLength(19);
});
