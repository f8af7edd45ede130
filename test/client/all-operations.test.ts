import { schema } from '../../generated/twocheckout/schema';
import { ValidationError, createTwoCheckoutClient, type TwoCheckoutClient } from '../../src';
import type { OperationArgs, OperationName } from '../../src/domain';
import { startPhpSoapServer, type PhpCase, type PhpSoapServer } from '../soap/php-soap-server';

/**
 * Every WSDL operation through the facade, answered by PHP's real SoapServer (the stack 2Checkout
 * runs): the session is injected, PHP decodes the request, and the answer comes back normalized.
 */
type Types = typeof schema.types;
const SESSION = 'php-session-for-all-operations';

function sampleOf(type: string): unknown {
  if (type === 'xsd:boolean') return true;
  if (type === 'xsd:int') return 7;
  if (type === 'xsd:double' || type === 'xsd:float') return 1.5;
  if (type.startsWith('xsd:')) return 'text';
  const def = schema.types[type as keyof Types];
  if (def.kind === 'array') return [];
  // A struct with its scalar fields set: enough for PHP to encode it as a struct and for the
  // normalizer's required fields (AvangateCustomerReference, SubscriptionReference).
  const out: Record<string, unknown> = {};
  for (const field of def.fields) if (field.type.startsWith('xsd:')) out[field.name] = sampleOf(field.type);
  return out;
}

const operations = (Object.keys(schema.operations) as (keyof typeof schema.operations)[]).filter(
  (op): op is OperationName => op !== 'login',
);

describe.each(['codec', 'node-soap'] as const)(
  'every WSDL operation through client.call (engine %s)',
  (engine) => {
    let php: PhpSoapServer;
    let client: TwoCheckoutClient;

    beforeAll(async () => {
      php = await startPhpSoapServer((xml) => {
        const op = /<tns:(\w+)>/.exec(xml)?.[1] ?? '';
        if (op === 'login') return { operation: 'login', return: SESSION };
        const def = schema.operations[op as keyof typeof schema.operations];
        const phpCase: PhpCase = { operation: op, return: sampleOf(def.output.type) };
        return phpCase;
      });
      client = createTwoCheckoutClient({
        merchantCode: 'DEMO',
        secretKey: 'DEMO_SECRET_KEY',
        url: php.url,
        timeoutMs: 20_000,
        engine,
      });
    });

    afterAll(async () => {
      await client.close();
      await php.close();
    });

    it.each(operations)('%s', async (op) => {
      const def = schema.operations[op];
      const args: Record<string, unknown> = {};
      for (const part of def.input) {
        if (part.name === 'sessionID') continue;
        if (!part.type.startsWith('xsd:') && schema.types[part.type as keyof Types].kind === 'struct')
          args[part.name] = {};
      }
      const result = await client.call(op, args as OperationArgs<typeof op>);
      const expected = sampleOf(def.output.type);
      if (Array.isArray(expected)) expect(result).toEqual([]);
      else if (typeof expected === 'object') expect(result).toMatchObject(expected as object);
      else expect(result).toBe(expected);

      const exchange = php.exchanges[php.exchanges.length - 1];
      expect(exchange?.received.operation).toBe(op);
      // rpc positional parts: sessionID first, then one argument per remaining input part.
      expect(exchange?.received.args[0]).toBe(SESSION);
      // PHP hands a part that was not sent to the handler as null, like a nil one.
      expect(exchange?.received.args).toHaveLength(def.input.length);
    });

    it('logged in once for all of them', () => {
      expect(client.stats()).toMatchObject({ logins: 1, calls: operations.length, failures: 0 });
    });

    it('refuses login and unknown operations without sending anything', async () => {
      const sent = php.exchanges.length;
      const untyped = client.call.bind(client) as (op: string, args: object) => Promise<unknown>;
      await expect(untyped('login', { merchantCode: 'DEMO' })).rejects.toBeInstanceOf(ValidationError);
      await expect(untyped('deleteEverything', {})).rejects.toBeInstanceOf(ValidationError);
      await expect(untyped('getCustomerInformation', { NoSuchPart: 1 })).rejects.toMatchObject({
        constructor: ValidationError,
        problems: [expect.objectContaining({ field: 'NoSuchPart' })],
      });
      expect(php.exchanges.length).toBe(sent);
    });
  },
);
