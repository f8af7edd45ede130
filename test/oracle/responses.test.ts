// node-soap as the conformance oracle for our decoders: for every golden fixture and for a
// property-based corpus of random valid values (encoded the way PHP's SoapServer writes them, by
// the sandbox's encoder and, for a sample, by real PHP), the codec engine must produce exactly what
// the node-soap engine (node-soap's parser + the schema-driven normalizer) produces: same values,
// or the same kind of error.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { createTwoCheckoutClient, type TwoCheckoutClient } from '../../src';
import { codecs } from '../../generated/twocheckout/codecs';
import { encodeResponse } from '../../src/sandbox/xml/encode-response';
import type { SoapValue } from '../../src/sandbox/xml/values';
import { runPhpSoapServer } from '../soap/php-soap-server';
import { send, startHostileServer, type HostileServer } from '../client/helpers/hostile-server';
import { asNodeSoapReads, operations, responseValue } from './arbitraries';

const SAMPLES = path.resolve(__dirname, '../samples');
const OPERATIONS = Object.keys(operations).filter((op) => op !== 'login');

let server: HostileServer;
let next = { status: 200, xml: '' };
let ours: TwoCheckoutClient;
let oracle: TwoCheckoutClient;

beforeAll(async () => {
  server = await startHostileServer((_op, _n, _req, res) => send(res, next.status, next.xml));
  const options = {
    merchantCode: 'DEMO',
    secretKey: 'k',
    url: server.url,
    proxy: null,
    retry: { maxAttempts: 1 },
  };
  ours = createTwoCheckoutClient({ ...options, engine: 'codec' });
  oracle = createTwoCheckoutClient({ ...options, engine: 'node-soap' });
});
afterAll(async () => {
  await ours.close();
  await oracle.close();
  await server.close();
});

type Outcome = { value: unknown } | { error: string; faultCode?: string; faultString?: string };

async function outcome(client: TwoCheckoutClient, op: string, args: unknown): Promise<Outcome> {
  try {
    return { value: await client.call(op as 'getCustomerInformation', args as never) };
  } catch (e) {
    const err = e as { constructor: { name: string }; faultCode?: string; faultString?: string };
    return {
      error: err.constructor.name,
      ...(err.faultCode !== undefined ? { faultCode: err.faultCode, faultString: err.faultString } : {}),
    };
  }
}

async function compare(op: string, xml: string, status = 200, args: unknown = {}): Promise<Outcome> {
  next = { status, xml };
  const a = await outcome(ours, op, args);
  const b = await outcome(oracle, op, args);
  expect('value' in a ? { value: asNodeSoapReads(a.value) } : a).toEqual(b);
  return a;
}

const samples = fs
  .readdirSync(SAMPLES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('login__'))
  .map((d) => d.name);

describe('golden fixtures: the codec engine reads what node-soap + the normalizer read', () => {
  it.each(samples)('%s', async (name) => {
    const op = name.split('__')[0] as string;
    const xml = fs.readFileSync(path.join(SAMPLES, name, 'response.xml'), 'utf8');
    const args = JSON.parse(fs.readFileSync(path.join(SAMPLES, name, 'request.json'), 'utf8')) as unknown;
    const out = await compare(op, xml, xml.includes('<SOAP-ENV:Fault>') ? 500 : 200, args);
    if ('value' in out) {
      expect(out.value).toEqual(
        JSON.parse(fs.readFileSync(path.join(SAMPLES, name, 'response.json'), 'utf8')),
      );
    }
  });
});

describe('property: random valid answers, PHP style (sandbox encoder)', () => {
  it.each(OPERATIONS)('%s', async (op) => {
    const { output } = operations[op] as { output: { name: string; type: string } };
    await fc.assert(
      fc.asyncProperty(responseValue(output.type), async (value) => {
        const xml = encodeResponse(op, output.name, output.type, value as SoapValue);
        const out = await compare(op, xml);
        expect(out).toHaveProperty('value');
      }),
      { numRuns: 25 },
    );
  });
});

describe('property: random valid answers written by real PHP SoapServer', () => {
  it.each(OPERATIONS)('%s', async (op) => {
    const { output } = operations[op] as { output: { name: string; type: string } };
    const request = codecs[op as keyof typeof codecs].serialize({} as never, 'SID');
    for (const value of fc.sample(responseValue(output.type), { numRuns: 2, seed: op.length })) {
      const { responseXml } = await runPhpSoapServer(request, { operation: op, return: value });
      const out = await compare(op, responseXml);
      expect(out).toHaveProperty('value');
    }
  });
});

describe('both engines refuse the same broken answers', () => {
  const customer = fs.readFileSync(
    path.join(SAMPLES, 'getCustomerInformation__two_cards', 'response.xml'),
    'utf8',
  );
  it.each([
    ['an int that is not one', customer.replace('>1001<', '>10x01<')],
    [
      'a nil required reference',
      customer.replace(
        /<AvangateCustomerReference[^/]*\/AvangateCustomerReference>/,
        '<AvangateCustomerReference xsi:nil="true"/>',
      ),
    ],
    ['a boolean that is not one', customer.replace('>true<', '>yes<')],
    [
      'a nil struct return',
      customer.replace(
        /<getCustomerInformationReturn[\s\S]*<\/getCustomerInformationReturn>/,
        '<getCustomerInformationReturn xsi:nil="true"/>',
      ),
    ],
  ])('%s', async (_name, xml) => {
    expect(xml).not.toBe(customer);
    const out = await compare('getCustomerInformation', xml);
    expect(out).toEqual({ error: 'FaultError' });
  });
});
