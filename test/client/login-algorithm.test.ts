// What the client puts on the wire for each hashAlgorithm, as PHP's SoapServer over our WSDL
// decodes it (not as we think we sent it), with the hash checked by PHP's own hash_hmac.
import { type Logger } from '../../src/client';
import { createTwoCheckoutClient } from '../../src/facade';
import { phpLoginHash } from '../helpers/reference-hmac';
import { startPhpSoapServer, type PhpSoapServer } from '../soap/php-soap-server';

const CODE = 'MÜNCHEN€';
const KEY = 'k€y-secret';

let php: PhpSoapServer;
beforeAll(async () => {
  php = await startPhpSoapServer((xml) => {
    const op = /<tns:(\w+)>/.exec(xml)?.[1] ?? '';
    return op === 'login'
      ? { operation: op, return: 'session-from-php' }
      : { operation: op, return: { AvangateCustomerReference: 7, ExistingCards: [] } };
  });
});
afterAll(() => php.close());

async function loginWith(hashAlgorithm?: 'sha256' | 'sha3-256' | 'md5', logger?: Logger) {
  const before = php.exchanges.length;
  const client = createTwoCheckoutClient({
    merchantCode: CODE,
    secretKey: KEY,
    url: php.url,
    proxy: null,
    ...(hashAlgorithm ? { hashAlgorithm } : {}),
    ...(logger ? { logger } : {}),
  });
  try {
    await client.customers.get(7);
  } finally {
    await client.close();
  }
  const [login, read] = php.exchanges.slice(before);
  expect(read.received).toEqual({ operation: 'getCustomerInformation', args: ['session-from-php', 7, null] });
  return login;
}

test.each([
  [undefined, 'sha256'],
  ['sha256', 'sha256'],
  ['sha3-256', 'sha3-256'],
] as const)('hashAlgorithm %s: PHP decodes the 4-part login and hash_hmac agrees', async (option, algo) => {
  const login = await loginWith(option);
  const [code, date, hash, sentAlgo] = login.received.args as string[];
  expect(login.received.operation).toBe('login');
  expect(login.received.args).toHaveLength(4);
  expect(code).toBe(CODE);
  expect(date).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  expect(sentAlgo).toBe(algo);
  expect(hash).toBe(phpLoginHash(algo, CODE, date, KEY));
  expect(login.requestXml).toContain(`<algo>${algo}</algo>`);
});

test('md5: the 3-part login of the 4.0 samples, no algo element at all; warned once per process', async () => {
  const emitted = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
  try {
    await loginWith('sha256');
    expect(emitted).not.toHaveBeenCalled();

    const login = await loginWith('md5');
    expect(login.requestXml).not.toContain('algo');
    const [code, date, hash, algo] = login.received.args as (string | null)[];
    expect(code).toBe(CODE);
    expect(algo).toBeNull(); // PHP passes a part the request left out as NULL
    expect(hash).toBe(phpLoginHash('md5', CODE, date as string, KEY));
    expect(emitted).toHaveBeenCalledTimes(1);
    expect(String(emitted.mock.calls[0][0])).toMatch(/retired/);
    expect(emitted.mock.calls[0][1]).toMatchObject({ code: 'TWOCHECKOUT_MD5' });

    // A second md5 client in the same process, this time with a logger: no second warning.
    const warnings: string[] = [];
    const logger: Logger = {
      debug: () => undefined,
      info: () => undefined,
      warn: (_o, msg) => warnings.push(msg ?? ''),
      error: () => undefined,
    };
    await loginWith('md5', logger);
    expect(warnings.filter((w) => /md5/i.test(w))).toEqual([]);
    expect(emitted).toHaveBeenCalledTimes(1);
  } finally {
    emitted.mockRestore();
  }
});

test('the md5 warning goes through the logger when there is one, once', async () => {
  await jest.isolateModulesAsync(async () => {
    const { warnMd5Once } = await import('../../src/client/md5-warning');
    const warn = jest.fn();
    const logger: Logger = { debug: jest.fn(), info: jest.fn(), warn, error: jest.fn() };
    warnMd5Once(logger, 'DEMO');
    warnMd5Once(logger, 'OTHER');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toEqual({ merchantCode: 'DEMO', hashAlgorithm: 'md5' });
    expect(warn.mock.calls[0][1]).toMatch(/retired .*2024/);
  });
});
