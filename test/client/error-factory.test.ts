import { inspect } from 'node:util';
import { classifyFailure } from '../../src/client/error-factory';
import {
  AbortError,
  AuthenticationError,
  ConflictError,
  FaultError,
  NotFoundError,
  SessionError,
  ThrottledError,
  TimeoutError,
  TlsError,
  TransientError,
  ValidationError,
} from '../../src/client/errors';
import { MAX_SERVER_TEXT, Redactor } from '../../src/client/redact';
import type { WireFailure } from '../../src/soap/engine';
import { failureFromNodeSoap } from '../../src/soap/node-soap-engine';

const SECRET = 'CANARY-SECRET-123';
const SESSION = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4';
const redactor = new Redactor([SECRET]);
redactor.remember(SESSION);

const ctx = (operation = 'getCustomerInformation') => ({ operation, redactor, timeoutMs: 50 });
const fault = (
  faultCode: string,
  faultString = 'Some text',
  extra: Partial<WireFailure> = {},
): WireFailure => ({
  kind: 'fault',
  message: `${faultCode}: ${faultString}`,
  faultCode,
  faultString,
  httpStatus: 500,
  ...extra,
});
const build = (f: WireFailure, op?: string) =>
  classifyFailure(f, ctx(op)).build({ attempts: 2, durationMs: 7 });

describe('error factory', () => {
  it.each([
    ['FORBIDDEN', 'login', AuthenticationError],
    ['FORBIDDEN', 'getCustomerInformation', SessionError],
    ['NOT_FOUND_CUSTOMER', 'getCustomerInformation', NotFoundError],
    ['INVALID_EMAIL', 'createCustomer', ValidationError],
    ['EMPTY_FIRST_NAME', 'createCustomer', ValidationError],
    ['READONLY_FIELD', 'updateCustomerInformation', ValidationError],
    ['CUSTOMER_REFERENCE_MISMATCH', 'getCustomerInformation', ValidationError],
    ['ORDER_PRODUCTS_EMPTY', 'placeOrder', ValidationError],
    ['DUPLICATE_EXTERNAL_REFERENCE', 'createCustomer', ConflictError],
    ['TOO_MANY_REQUESTS', 'getCustomerInformation', ThrottledError],
    ['SOAP-ENV:Server', 'getCustomerInformation', TransientError],
    ['INTERNAL_ERROR', 'getCustomerInformation', TransientError],
    ['SOAP-ENV:Client', 'getCustomerInformation', FaultError],
    ['SOMETHING_ELSE', 'getCustomerInformation', FaultError],
  ])('maps faultcode %s on %s', (code, op, cls) => {
    const error = build(fault(code), op);
    expect(error).toBeInstanceOf(cls);
    expect(error).toMatchObject({
      faultCode: code,
      faultString: 'Some text',
      operation: op,
      httpStatus: 500,
    });
    // Metadata is set once, when the error is built, and cannot be changed afterwards.
    expect(error).toMatchObject({ attempts: 2, durationMs: 7 });
    expect(() => {
      (error as { attempts: number }).attempts = 9;
    }).toThrow(TypeError);
    expect(error.attempts).toBe(2);
  });

  it('reads node-soap fault parts wrapped as {$value} (xsi:type on the wire)', () => {
    const err = Object.assign(new Error('x'), {
      root: {
        Envelope: {
          Body: { Fault: { faultcode: { $value: 'NOT_FOUND_CUSTOMER' }, faultstring: { $value: 'gone' } } },
        },
      },
      response: { status: 500, config: { data: `<sessionID>${SESSION}</sessionID>` } },
    });
    const error = build(failureFromNodeSoap(err, undefined));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.faultString).toBe('gone');
  });

  it.each([
    ['ECONNREFUSED', TransientError, true],
    ['ENOTFOUND', TransientError, true],
    ['ECONNRESET', TransientError, false],
    ['ETIMEDOUT', TimeoutError, false],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', TlsError, true],
  ])('maps network code %s', (code, cls, notApplied) => {
    const c = classifyFailure({ kind: 'network', message: `connect ${code}`, networkCode: code }, ctx());
    expect(c.build({ attempts: 1, durationMs: 0 })).toBeInstanceOf(cls);
    expect(c.build({ attempts: 1, durationMs: 0 }).networkCode).toBe(code);
    expect(c.notApplied).toBe(notApplied);
  });

  it('maps statuses without a SOAP answer: 5xx transient, 429 throttled, others a fault', () => {
    expect(build({ kind: 'http', message: 'HTTP 503 without a SOAP fault', httpStatus: 503 })).toBeInstanceOf(
      TransientError,
    );
    expect(build({ kind: 'http', message: 'HTTP 429', httpStatus: 429 })).toBeInstanceOf(ThrottledError);
    expect(build({ kind: 'http', message: 'HTTP 302', httpStatus: 302 })).toBeInstanceOf(FaultError);
    expect(
      build({ kind: 'response', message: 'unexpected response: empty', httpStatus: 200 }),
    ).toBeInstanceOf(FaultError);
  });

  it('maps our own limits and the caller signal', () => {
    const t = build({ kind: 'timeout', message: 'the request timed out' });
    expect(t).toBeInstanceOf(TimeoutError);
    expect(t.message).toContain('50 ms');
    expect(build({ kind: 'deadline', message: 'x' })).toBeInstanceOf(TimeoutError);
    expect(build({ kind: 'aborted', message: 'x' })).toBeInstanceOf(AbortError);
  });

  it('a throttled error keeps the Retry-After hint', () => {
    const e = build(fault('TOO_MANY_REQUESTS', 'slow down', { retryAfterMs: 3_600_000 }));
    expect(e).toBeInstanceOf(ThrottledError);
    expect((e as ThrottledError).retryAfterMs).toBe(3_600_000);
  });

  it('builds fresh errors: no secrets anywhere, redacted by value', () => {
    const error = build(
      fault('FORBIDDEN', `Invalid hash provided for ${SECRET} session ${SESSION}`),
      'login',
    );
    const dump =
      JSON.stringify(error) + inspect(error, { showHidden: true, depth: 10 }) + error.message + error.stack;
    expect(dump).not.toContain(SECRET);
    expect(dump).not.toContain(SESSION);
    expect(Object.getOwnPropertyNames(error)).not.toContain('cause');
    expect(error.faultString).toContain('[REDACTED]');
  });

  // Defect 4 (outside testing): the redactor blanked any run of 32+ hex digits, so a faultstring
  // that happened to be hex was lost. Only the client's own secrets are redacted, by value.
  it('leaves a hex faultstring that is no secret alone', () => {
    const hex = '0123456789abcdef0123456789abcdef0123456789abcdef';
    expect(build(fault('SOMETHING', hex)).faultString).toBe(hex);
  });

  // Defect 4: a 2 MB faultstring went into every message, log line and journal entry.
  it('caps a huge faultstring with an ellipsis and the original length', () => {
    const huge = 'x'.repeat(2 * 1024 * 1024);
    const e = build(fault('INTERNAL_ERROR', huge.slice(0, 65536), { faultLength: huge.length }));
    expect(e.faultString?.length).toBeLessThan(MAX_SERVER_TEXT + 100);
    expect(e.faultString).toMatch(/… \[2097152 characters in all\]$/);
    expect(e.message.length).toBeLessThan(MAX_SERVER_TEXT + 200);
  });

  it('redacts before it cuts, so a secret straddling the cut leaves no prefix behind', () => {
    const text = `${'y'.repeat(MAX_SERVER_TEXT - 5)}${SECRET}${'z'.repeat(100)}`;
    const e = build(fault('INTERNAL_ERROR', text));
    expect(e.faultString).not.toContain(SECRET.slice(0, 5));
  });
});
