// A runnable tour of the library against the local sandbox (no 2Checkout account needed).
// Run it: `npx jest test/client/example` (runs this file and checks it succeeds). In your own code
// the imports are `twocheckout-soap` and `twocheckout-soap/sandbox`.
// Against the real service, drop startSandbox and use fromEnv() with TWOCHECKOUT_* in .env.
import {
  ConflictError,
  NotFoundError,
  UnknownOutcomeError,
  createTwoCheckoutClient,
  type CallEvent,
} from '../src';
import { startSandbox } from '../src/sandbox';

export async function main(log: (...args: unknown[]) => void = console.log): Promise<void> {
  const sandbox = await startSandbox({ port: 0 });
  const events: CallEvent[] = [];
  const client = createTwoCheckoutClient({
    merchantCode: 'DEMO',
    secretKey: 'DEMO_SECRET_KEY',
    url: sandbox.url,
    timeoutMs: 10_000,
    onEvent: (e) => events.push(e),
  });
  try {
    // Create a customer. Set an ExternalCustomerReference: it is how you reconcile an unknown outcome.
    const external = `EX-${Date.now()}`;
    let reference: number;
    try {
      reference = await client.customers.create({
        ExternalCustomerReference: external,
        FirstName: 'Jane',
        LastName: 'Doe',
        Email: 'jane.doe@example.com',
        Address1: '1 Main Street',
        City: 'Springfield',
        Zip: '12345',
        CountryCode: 'US',
      });
    } catch (err) {
      if (!(err instanceof UnknownOutcomeError)) throw err;
      // The create may or may not have happened: look it up instead of creating again.
      reference = (await client.customers.get({ external })).AvangateCustomerReference;
    }
    log('created customer', reference);

    // Read it back, by 2Checkout reference or by your own reference.
    const customer = await client.customers.get({ external });
    log('read', customer.FirstName, customer.LastName, customer.Email, customer.CountryCode);

    // Read-modify-write: only the patched fields change; `expect` guards against concurrent edits.
    const plan = await client.customers.update(reference, { Email: 'jane@example.org' }, { dryRun: true });
    log('dry run:', plan.outcome, plan.changes);
    const result = await client.customers.update(
      reference,
      { Email: 'jane@example.org', City: 'Shelbyville' },
      { expect: { Email: 'jane.doe@example.com' }, verify: true },
    );
    log('update:', result.outcome, result.changes);
    const again = await client.customers.update(reference, { Email: 'jane@example.org' });
    log('same update again:', again.outcome);

    try {
      await client.customers.update(
        reference,
        { City: 'Capital City' },
        { expect: { Email: 'jane.doe@example.com' } },
      );
    } catch (err) {
      if (err instanceof ConflictError) log('conflict detected:', err.conflicts);
      else throw err;
    }

    // Any WSDL operation through call(): sessionID injected, result normalized and typed.
    const subscriptions = await client.call('getCustomerSubscriptions', {
      AvangateCustomerReference: reference,
    });
    log('subscriptions:', subscriptions.length);

    try {
      await client.customers.get(999_999_999);
    } catch (err) {
      if (err instanceof NotFoundError) log('not found:', err.faultCode);
      else throw err;
    }

    log('client stats:', client.stats());
    log('events:', events.length, 'first:', events[0]);
  } finally {
    await client.close();
    await sandbox.stop();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
