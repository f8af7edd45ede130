import type { Customer, OperationArgs, OperationName, OperationResult } from '../domain';
import type { CallMetadata, CallOptions, CallResult } from '../client/client';
import { ConflictError, FaultError, ValidationError, type ConflictDetail } from '../client/errors';
import { diffCustomer, sameFieldValue, type FieldChange } from './diff';
import type { WritableField } from './fields';
import { validateCustomerPatch, validateMergedCustomer, validateNewCustomer } from './validate';

/** A customer by 2Checkout reference, or by your own ExternalCustomerReference. */
export type CustomerKey =
  | number
  | {
      /** The customer's ExternalCustomerReference. */
      external: string;
    };

/** Writable Customer fields; `null` (or '') clears an optional field. */
export type CustomerPatch = Partial<Record<WritableField, string | null>>;

/** A customer to create: the required fields plus any optional writable ones. */
export type NewCustomer = CustomerPatch &
  Record<'FirstName' | 'LastName' | 'Address1' | 'City' | 'Zip' | 'CountryCode' | 'Email', string>;

/** Options of {@link CustomersApi.update}. */
export interface UpdateOptions extends CallOptions {
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

/** What {@link CustomersApi.update} did. */
export interface UpdateResult {
  /** `updated`: written; `unchanged`: nothing differed, nothing written; `planned`: a dry run with changes. */
  outcome: 'updated' | 'unchanged' | 'planned';
  /** The customer's AvangateCustomerReference. */
  reference: number;
  /** The fields that changed (or would change, in a dry run), old value to new. */
  changes: FieldChange[];
  /** The whole read-modify-write: sends of all its calls, total duration, status of the last answer. */
  metadata: CallMetadata;
}

/** Customer operations: `client.customers`. */
export interface CustomersApi {
  /** Reads a customer; {@link NotFoundError} when there is none. */
  get(key: CustomerKey, options?: CallOptions): Promise<Customer>;
  /** Validates and creates a customer; resolves to its AvangateCustomerReference. */
  create(customer: NewCustomer, options?: CallOptions): Promise<number>;
  /**
   * Read-modify-write: reads the customer, applies the patch, and writes only when a field
   * changes. Validates the patch first ({@link ValidationError}). `timeoutMs` bounds the read,
   * the write and the verify read together.
   */
  update(key: CustomerKey, patch: CustomerPatch, options?: UpdateOptions): Promise<UpdateResult>;
}

/** The part of the client this module needs (keeps customers testable and the layering one-way). */
export interface OperationCaller {
  /** {@link TwoCheckoutClientCore.callWithMetadata}. */
  callWithMetadata<Op extends OperationName>(
    operation: Op,
    args: OperationArgs<Op>,
    options?: CallOptions,
  ): Promise<CallResult<OperationResult<Op>>>;
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

/** Adds up the calls of one facade operation. */
class Tally {
  attempts = 0;
  httpStatus: number | undefined;
  private readonly startedAt = Date.now();
  private readonly deadlineAt: number | undefined;

  constructor(
    private readonly operation: string,
    private readonly options: CallOptions,
  ) {
    const t = options.timeoutMs;
    // An invalid value is handed on as it is, for the client to refuse with its usual error.
    this.deadlineAt = typeof t === 'number' && Number.isInteger(t) && t > 0 ? this.startedAt + t : undefined;
  }

  /** Options for the next call: what is left of the facade operation's time limit. */
  next(): CallOptions {
    const out: CallOptions = {};
    if (this.options.signal) out.signal = this.options.signal;
    if (this.deadlineAt !== undefined) out.timeoutMs = Math.max(1, this.deadlineAt - Date.now());
    else if (this.options.timeoutMs !== undefined) out.timeoutMs = this.options.timeoutMs;
    return out;
  }

  add(m: CallMetadata): void {
    this.attempts += m.attempts;
    this.httpStatus = m.httpStatus;
  }

  metadata(): CallMetadata {
    return {
      operation: this.operation,
      attempts: this.attempts,
      durationMs: Date.now() - this.startedAt,
      httpStatus: this.httpStatus,
    };
  }
}

/** The customers API over any caller of operations (the client composes it as `client.customers`). */
export function createCustomersApi(client: OperationCaller): CustomersApi {
  async function read(key: CustomerKey, tally: Tally): Promise<Customer> {
    const args =
      typeof key === 'number'
        ? { AvangateCustomerReference: key, ExternalCustomerReference: null }
        : { AvangateCustomerReference: null, ExternalCustomerReference: key.external };
    const out = await client.callWithMetadata(
      'getCustomerInformation',
      args as OperationArgs<'getCustomerInformation'>,
      tally.next(),
    );
    tally.add(out.metadata);
    return out.result;
  }

  async function get(key: CustomerKey, options: CallOptions = {}): Promise<Customer> {
    checkKey('customers.get', key);
    return read(key, new Tally('customers.get', options));
  }

  async function create(customer: NewCustomer, options: CallOptions = {}): Promise<number> {
    const problems = validateNewCustomer(customer);
    if (problems.length > 0) throw invalid('customers.create', problems);
    const full = { AvangateCustomerReference: null, ...customer };
    const out = await client.callWithMetadata(
      'createCustomer',
      { Customer: full } as OperationArgs<'createCustomer'>,
      new Tally('customers.create', options).next(),
    );
    return out.result;
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
    const tally = new Tally(operation, options);

    const current = await read(key, tally);
    const reference = current.AvangateCustomerReference;
    if (options.expect) {
      const conflicts = mismatches(current, options.expect);
      if (conflicts.length > 0) {
        throw new ConflictError(
          `${operation}: customer ${reference} changed since it was last seen: ${conflicts.map((c) => c.field).join(', ')} ` +
            'differ from the expected values (see err.conflicts)',
          { operation, attempts: tally.attempts, conflicts },
        );
      }
    }
    const changes = diffCustomer(current, patch);
    if (changes.length === 0) return { outcome: 'unchanged', reference, changes, metadata: tally.metadata() };
    const merged = merge(current, patch);
    const crossField = validateMergedCustomer(merged as unknown as Record<string, unknown>);
    if (crossField.length > 0) throw invalid(operation, crossField);
    if (options.dryRun) return { outcome: 'planned', reference, changes, metadata: tally.metadata() };
    await options.beforeWrite?.(changes, reference);

    const written = await client.callWithMetadata(
      'updateCustomerInformation',
      {
        Customer: merged,
        UpdateEndUserSubscriptions: options.updateEndUserSubscriptions ?? false,
      } as OperationArgs<'updateCustomerInformation'>,
      tally.next(),
    );
    tally.add(written.metadata);
    if (written.result !== true) {
      throw new FaultError(
        `${operation}: updateCustomerInformation returned false for customer ${reference}`,
        { operation: 'updateCustomerInformation', attempts: written.metadata.attempts },
      );
    }
    if (options.verify) {
      const after = await read(reference, tally);
      const conflicts = mismatches(after, patch);
      if (conflicts.length > 0) {
        throw new ConflictError(
          `${operation}: verification failed for customer ${reference}: after the update ${conflicts.map((c) => c.field).join(', ')} ` +
            'did not read back as written (see err.conflicts)',
          { operation, attempts: tally.attempts, conflicts },
        );
      }
    }
    return { outcome: 'updated', reference, changes, metadata: tally.metadata() };
  }

  return { get, create, update };
}
