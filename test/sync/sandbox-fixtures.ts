import fs from 'node:fs';
import { startSandbox, type Sandbox, type SandboxOptions, type SeedData } from '../../src/sandbox';
import { CLI } from './harness';

export type CustomerRow = Record<string, unknown>;

export function requireBuiltCli(): void {
  if (!fs.existsSync(CLI)) {
    throw new Error(`${CLI} is missing: build first (npm run build, or npm test does it)`);
  }
}

/** A DEMO merchant with `n` customers CRM-1001…, each with a phone number we can change. */
export function seedWith(n: number): SeedData {
  const customers = Array.from({ length: n }, (_, i) => ({
    AvangateCustomerReference: 5001 + i,
    ExternalCustomerReference: `CRM-${1001 + i}`,
    FirstName: `First${i}`,
    LastName: `Last${i}`,
    Address1: `${i} Main St`,
    City: 'Springfield',
    Zip: '12345',
    CountryCode: 'us',
    Phone: '+1 555 0000',
    Email: `c${i}@example.com`,
    Language: 'en',
  }));
  return { merchants: [{ code: 'DEMO', secretKey: 'DEMO_SECRET_KEY', customers }] };
}

export function startTestSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ port: 0, host: '127.0.0.1', ...options });
}

export function customersByRef(sandbox: Sandbox): Map<number, CustomerRow> {
  const list = sandbox.customers('DEMO') ?? [];
  return new Map(list.map((c) => [c.AvangateCustomerReference as number, c]));
}

/** Field-by-field differences between two state dumps: ref → { field: [before, after] }. */
export function stateDiff(
  before: Map<number, CustomerRow>,
  after: Map<number, CustomerRow>,
): Record<string, Record<string, [unknown, unknown]>> {
  const out: Record<string, Record<string, [unknown, unknown]>> = {};
  for (const [ref, a] of after) {
    const b = before.get(ref) ?? {};
    for (const field of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (JSON.stringify(a[field]) !== JSON.stringify(b[field])) {
        (out[String(ref)] ??= {})[field] = [b[field], a[field]];
      }
    }
  }
  return out;
}

export function updateCalls(sandbox: Sandbox): number {
  return sandbox.stats().operations.updateCustomerInformation?.calls ?? 0;
}
