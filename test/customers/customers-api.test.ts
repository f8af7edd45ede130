import {
  ConflictError,
  NotFoundError,
  ValidationError,
  createTwoCheckoutClient,
  type TwoCheckoutClient,
} from '../../src';
import type { Sandbox } from '../../src/sandbox';
import { janeDoe } from '../helpers/customers';
import { DEMO_CREDENTIALS, startSandboxPair, type SandboxPair } from '../helpers/sandbox';

/** customers.get / create / update over real HTTP against the sandbox (demo seed). */
describe('customers API', () => {
  let pair: SandboxPair;
  let sandbox: Sandbox;
  let client: TwoCheckoutClient;
  const writes = (): number => sandbox.stats().operations.updateCustomerInformation?.calls ?? 0;
  const serverSide = (ref: number): Record<string, unknown> | undefined =>
    sandbox.customers('DEMO')?.find((c) => c.AvangateCustomerReference === ref);

  beforeEach(async () => {
    pair = await startSandboxPair();
    ({ sandbox, client } = pair);
  });
  afterEach(() => pair.stop());

  it('gets by reference and by external reference', async () => {
    const byRef = await client.customers.get(1001);
    const byExt = await client.customers.get({ external: 'CRM-0001' });
    expect(byExt).toEqual(byRef);
    expect(byRef).toMatchObject({ AvangateCustomerReference: 1001, FirstName: 'Ada', CountryCode: 'gb' });
    await expect(client.customers.get(999_999)).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.customers.get({ external: 'nope' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('rejects a bad key locally', async () => {
    await expect(client.customers.get(0)).rejects.toBeInstanceOf(ValidationError);
    await expect(client.customers.get({ external: '' })).rejects.toBeInstanceOf(ValidationError);
    expect(sandbox.stats().calls).toBe(0);
  });

  it('creates a customer and reads it back', async () => {
    const ref = await client.customers.create(janeDoe('CRM-NEW'));
    expect(ref).toBeGreaterThan(0);
    expect(await client.customers.get({ external: 'CRM-NEW' })).toMatchObject({
      AvangateCustomerReference: ref,
      Email: 'jane@example.com',
    });
    await expect(client.customers.create(janeDoe('CRM-NEW'))).rejects.toMatchObject({
      constructor: ConflictError,
      faultCode: 'DUPLICATE_EXTERNAL_REFERENCE',
    });
  });

  it('validates a new customer before sending it', async () => {
    await expect(
      client.customers.create({ ...janeDoe('X'), CountryCode: 'UK', Email: 'no' }),
    ).rejects.toMatchObject({
      constructor: ValidationError,
      problems: [
        expect.objectContaining({ field: 'CountryCode' }),
        expect.objectContaining({ field: 'Email' }),
      ],
    });
    expect(sandbox.stats().calls).toBe(0);
  });

  it('updates only the patched fields, sends the full object, and reports the changes', async () => {
    const before = await client.customers.get(1002);
    const result = await client.customers.update(1002, { Email: 'grace@navy.example', Phone: null });
    expect(result).toEqual({
      outcome: 'updated',
      reference: 1002,
      changes: [
        { field: 'Email', from: 'grace@example.com', to: 'grace@navy.example' },
        { field: 'Phone', from: '+1 703 555 0100', to: null },
      ],
      // One read and one write, each sent once; durationMs is whatever it took.
      metadata: {
        operation: 'customers.update',
        attempts: 2,
        httpStatus: 200,
        durationMs: expect.any(Number),
      },
    });
    const after = await client.customers.get(1002);
    expect(after).toEqual({ ...before, Email: 'grace@navy.example', Phone: null });
    expect(serverSide(1002)).toMatchObject({
      Email: 'grace@navy.example',
      City: 'Arlington',
      Company: 'Navy Computing',
    });
  });

  it('skips the write when nothing changes (codes compare case-insensitively, null equals empty)', async () => {
    const result = await client.customers.update(1001, {
      CountryCode: 'GB',
      Email: 'ada@example.com',
      Address2: null,
    });
    expect(result).toEqual({
      outcome: 'unchanged',
      reference: 1001,
      changes: [],
      metadata: {
        operation: 'customers.update',
        attempts: 1,
        httpStatus: 200,
        durationMs: expect.any(Number),
      },
    });
    expect(writes()).toBe(0);
  });

  it('dry run plans without writing', async () => {
    const result = await client.customers.update(
      { external: 'CRM-0001' },
      { City: 'Cambridge' },
      { dryRun: true },
    );
    expect(result).toEqual({
      outcome: 'planned',
      reference: 1001,
      changes: [{ field: 'City', from: 'London', to: 'Cambridge' }],
      metadata: expect.objectContaining({ attempts: 1 }),
    });
    expect(writes()).toBe(0);
    expect(serverSide(1001)?.City).toBe('London');
  });

  it('beforeWrite runs after the read found changes and before the write; a throw sends nothing', async () => {
    const seen: unknown[] = [];
    await client.customers.update(
      1001,
      { City: 'Cambridge' },
      {
        beforeWrite: (changes, reference) => {
          seen.push({ changes, reference, writesSoFar: writes() });
        },
      },
    );
    expect(seen).toEqual([
      { changes: [{ field: 'City', from: 'London', to: 'Cambridge' }], reference: 1001, writesSoFar: 0 },
    ]);
    expect(writes()).toBe(1);
    const refused = client.customers.update(
      1001,
      { City: 'Oxford' },
      {
        beforeWrite: () => {
          throw new Error('disk full');
        },
      },
    );
    await expect(refused).rejects.toThrow('disk full');
    expect(writes()).toBe(1);
    expect(serverSide(1001)?.City).toBe('Cambridge');
    // Nothing to change, or a dry run: not called.
    const never = jest.fn();
    await client.customers.update(1001, { City: 'Cambridge' }, { beforeWrite: never });
    await client.customers.update(1001, { City: 'Leeds' }, { beforeWrite: never, dryRun: true });
    expect(never).not.toHaveBeenCalled();
  });

  it('refuses with ConflictError when the record changed since the caller saw it', async () => {
    const seen = await client.customers.get(1002);
    // Someone else changes the e-mail in between.
    const other = createTwoCheckoutClient({ ...DEMO_CREDENTIALS, url: sandbox.url, proxy: null });
    await other.customers.update(1002, { Email: 'someone.else@example.com' });
    await other.close();
    const writesBefore = writes();
    const err = await client.customers
      .update(1002, { City: 'Boston' }, { expect: { Email: seen.Email, City: seen.City } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).conflicts).toEqual([
      { field: 'Email', expected: 'grace@example.com', actual: 'someone.else@example.com' },
    ]);
    expect(writes()).toBe(writesBefore);
    expect(serverSide(1002)?.City).toBe('Arlington');
    // With up-to-date expectations the update goes through.
    const ok = await client.customers.update(
      1002,
      { City: 'Boston' },
      { expect: { Email: 'someone.else@example.com' }, verify: true },
    );
    expect(ok.outcome).toBe('updated');
  });

  it('rejects invalid patches before any call', async () => {
    await expect(
      client.customers.update(1001, {
        AvangateCustomerReference: 5,
        Email: 'bad',
        CountryCode: 'XX',
      } as never),
    ).rejects.toMatchObject({
      constructor: ValidationError,
      problems: [
        expect.objectContaining({ field: 'AvangateCustomerReference' }),
        expect.objectContaining({ field: 'Email' }),
        expect.objectContaining({ field: 'CountryCode' }),
      ],
    });
    expect(sandbox.stats().calls).toBe(0);
  });

  it('checks FiscalCode against the Company the customer already has', async () => {
    // 1004 has no Company: a VAT ID alone is refused before writing.
    await expect(client.customers.update(1004, { FiscalCode: 'DE123456789' })).rejects.toMatchObject({
      constructor: ValidationError,
      problems: [expect.objectContaining({ field: 'FiscalCode' })],
    });
    expect(writes()).toBe(0);
    const ok = await client.customers.update(1004, { FiscalCode: 'DE123456789', Company: 'Müller GmbH' });
    expect(ok.outcome).toBe('updated');
  });

  it('copies the changes to the subscriptions end users when asked', async () => {
    await client.customers.update(
      1001,
      { Email: 'ada@engines.example' },
      { updateEndUserSubscriptions: true, verify: true },
    );
    const subs = await client.call('getCustomerSubscriptions', { AvangateCustomerReference: 1001 });
    expect(subs.length).toBeGreaterThan(0);
    for (const s of subs) expect(s.EndUser?.Email).toBe('ada@engines.example');
    await client.customers.update(1001, { Email: 'ada@other.example' });
    const untouched = await client.call('getCustomerSubscriptions', { AvangateCustomerReference: 1001 });
    for (const s of untouched) expect(s.EndUser?.Email).toBe('ada@engines.example');
  });
});
