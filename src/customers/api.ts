import type { Customer, OperationArgs, OperationName, OperationResult } from '../domain';
import { ConflictError, FaultError, ValidationError, type ConflictDetail } from '../client/errors';
import { diffCustomer, sameFieldValue, type FieldChange } from './diff';
import type { WritableField } from './fields';
import { validateCustomerPatch, validateMergedCustomer, validateNewCustomer } from './validate';

/** A customer by 2Checkout reference, or by your own ExternalCustomerReference. */
export type CustomerKey = number | { external: string };

/** Writable Customer fields; `null` (or '') clears an optional field. */
export type CustomerPatch = Partial<Record<WritableField, string | null>>;

/** A customer to create: the required fields plus any optional writable ones. */
export type NewCustomer = CustomerPatch &
  Record<'FirstName' | 'LastName' | 'Address1' | 'City' | 'Zip' | 'CountryCode' | 'Email', string>;

export interface UpdateOptions {
  /** Also copy the changed contact details to the end user of every subscription of the customer. */
  updateEndUserSubscriptions?: boolean;
  /** The values the caller last saw: refuse with ConflictError if the fresh read differs on these. */
  expect?: CustomerPatch;
  /** Read the customer back after writing and fail if the patched fields don't read as written. */
  verify?: boolean;
  /** Compute the changes, write nothing: outcome 'planned' (or 'unchanged'). */
  dryRun?: boolean;
  /**
   * Called after the read found changes and right before the write is sent; if it throws, nothing
   * is written and the error is the update's. Lets a caller record its intent durably first (the
   * sync's journal), so a write whose answer is lost can be recognised later.
   */
  beforeWrite?: (changes: readonly FieldChange[], reference: number) => void | Promise<void>;
}

export interface UpdateResult {
  outcome: 'updated' | 'unchanged' | 'planned';
  reference: number;
  changes: FieldChange[];
}

export interface CustomersApi {
  get(key: CustomerKey): Promise<Customer>;
  create(customer: NewCustomer): Promise<number>;
  update(key: CustomerKey, patch: CustomerPatch, options?: UpdateOptions): Promise<UpdateResult>;
}

/** The part of the client this module needs (keeps customers testable and the layering one-way). */
export interface OperationCaller {
  call<Op extends OperationName>(operation: Op, args: OperationArgs<Op>): Promise<OperationResult<Op>>;
}

function checkKey(operation: string, key: CustomerKey): void {
  const valid =
    (typeof key === 'number' && Number.isInteger(key) && key > 0) ||
    (typeof key === 'object' && key !== null && typeof key.external === 'string' && key.external !== '');
  if (!valid) {
    throw new ValidationError(
      `${operation}: the customer key must be a positive AvangateCustomerReference or { external: '<ExternalCustomerReference>' }`,
      { operation, attempts: 0, problems: [{ field: '(key)', message: 'invalid customer key' }] },
    );
  }
}

function invalid(operation: string, problems: ReturnType<typeof validateCustomerPatch>): ValidationError {
  return new ValidationError(`${operation}: invalid input: ${problems.map((p) => p.message).join('; ')}`, {
    operation,
    attempts: 0,
    problems,
  });
}

function mismatches(actual: Customer, wanted: CustomerPatch): ConflictDetail[] {
  const conflicts: ConflictDetail[] = [];
  for (const field of Object.keys(wanted) as WritableField[]) {
    const expected = wanted[field];
    if (expected === undefined) continue;
    if (!sameFieldValue(field, actual[field], expected))
      conflicts.push({ field, expected, actual: actual[field] });
  }
  return conflicts;
}

/** The full object updateCustomerInformation needs: the current customer with the patch applied. */
function merge(current: Customer, patch: CustomerPatch): Customer {
  const merged: Customer = { ...current };
  for (const field of Object.keys(patch) as WritableField[]) {
    const value = patch[field];
    if (value !== undefined) merged[field] = value;
  }
  return merged;
}

export function createCustomersApi(client: OperationCaller): CustomersApi {
  async function get(key: CustomerKey): Promise<Customer> {
    checkKey('customers.get', key);
    const args =
      typeof key === 'number'
        ? { AvangateCustomerReference: key, ExternalCustomerReference: null }
        : { AvangateCustomerReference: null, ExternalCustomerReference: key.external };
    return client.call('getCustomerInformation', args as OperationArgs<'getCustomerInformation'>);
  }

  async function create(customer: NewCustomer): Promise<number> {
    const problems = validateNewCustomer(customer);
    if (problems.length > 0) throw invalid('customers.create', problems);
    const full = { AvangateCustomerReference: null, ...customer };
    return client.call('createCustomer', { Customer: full } as OperationArgs<'createCustomer'>);
  }

  async function update(
    key: CustomerKey,
    patch: CustomerPatch,
    options: UpdateOptions = {},
  ): Promise<UpdateResult> {
    const operation = 'customers.update';
    checkKey(operation, key);
    const problems = validateCustomerPatch(patch);
    if (options.expect !== undefined) {
      for (const p of validateCustomerPatch(options.expect))
        problems.push({ field: `expect.${p.field}`, message: p.message });
    }
    if (problems.length > 0) throw invalid(operation, problems);

    const current = await get(key);
    const reference = current.AvangateCustomerReference;
    if (options.expect) {
      const conflicts = mismatches(current, options.expect);
      if (conflicts.length > 0) {
        throw new ConflictError(
          `${operation}: customer ${reference} changed since it was last seen: ${conflicts.map((c) => c.field).join(', ')} ` +
            'differ from the expected values (see err.conflicts)',
          { operation, attempts: 1, conflicts },
        );
      }
    }
    const changes = diffCustomer(current, patch);
    if (changes.length === 0) return { outcome: 'unchanged', reference, changes };
    const merged = merge(current, patch);
    const crossField = validateMergedCustomer(merged as unknown as Record<string, unknown>);
    if (crossField.length > 0) throw invalid(operation, crossField);
    if (options.dryRun) return { outcome: 'planned', reference, changes };
    await options.beforeWrite?.(changes, reference);

    const ok = await client.call('updateCustomerInformation', {
      Customer: merged,
      UpdateEndUserSubscriptions: options.updateEndUserSubscriptions ?? false,
    } as OperationArgs<'updateCustomerInformation'>);
    if (ok !== true) {
      throw new FaultError(
        `${operation}: updateCustomerInformation returned false for customer ${reference}`,
        {
          operation: 'updateCustomerInformation',
        },
      );
    }
    if (options.verify) {
      const after = await get(reference);
      const conflicts = mismatches(after, patch);
      if (conflicts.length > 0) {
        throw new ConflictError(
          `${operation}: verification failed for customer ${reference}: after the update ${conflicts.map((c) => c.field).join(', ')} ` +
            'did not read back as written (see err.conflicts)',
          { operation, attempts: 1, conflicts },
        );
      }
    }
    return { outcome: 'updated', reference, changes };
  }

  return { get, create, update };
}
