import { inspect } from 'node:util';
import { classifyError } from '../../src/client/error-factory';
import {
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
import { Redactor } from '../../src/client/redact';

const SECRET = 'CANARY-SECRET-123';
const SESSION = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4';
const redactor = new Redactor([SECRET]);
redactor.remember(SESSION);

/** The shape node-soap gives a SOAP fault: err.root.Envelope.Body.Fault plus the axios response. */
function soapFault(faultcode: unknown, faultstring: unknown, status = 500): Error {
  const err = new Error(`${String(faultcode)}: ${String(faultstring)}`) as Error & Record<string, unknown>;
  err.root = { Envelope: { Body: { Fault: { faultcode, faultstring } } } };
  err.response = {
    status,
    config: { data: `<sessionID>${SESSION}</sessionID><secret>${SECRET}</secret>` },
    request: { body: SESSION },
  };
  err.body = `<faultstring>${String(faultstring)}</faultstring>`;
  return err;
}

function network(code: string): Error {
  const err = new Error(`connect ${code}`) as Error & Record<string, unknown>;
  err.code = code;
  err.config = { data: `<sessionID>${SESSION}</sessionID>` };
  return err;
}

const ctx = (operation = 'getCustomerInformation') => ({ operation, attempts: 1, redactor });

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
    const { error } = classifyError(soapFault(code, 'Some text'), ctx(op));
    expect(error).toBeInstanceOf(cls);
    expect(error.faultCode).toBe(code);
    expect(error.faultString).toBe('Some text');
    expect(error.operation).toBe(op);
    expect(error.httpStatus).toBe(500);
  });

  it('reads fault parts wrapped as {$value} (xsi:type on the wire)', () => {
    const { error } = classifyError(
      soapFault({ $value: 'NOT_FOUND_CUSTOMER' }, { $value: 'Customer not found' }),
      ctx(),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.faultString).toBe('Customer not found');
  });

  it.each([
    ['ECONNREFUSED', TransientError, true],
    ['ENOTFOUND', TransientError, true],
    ['ECONNRESET', TransientError, false],
    ['ETIMEDOUT', TimeoutError, false],
    ['ECONNABORTED', TimeoutError, false],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', TlsError, true],
  ])('maps network code %s', (code, cls, notApplied) => {
    const classified = classifyError(network(code), ctx());
    expect(classified.error).toBeInstanceOf(cls);
    expect(classified.error.networkCode).toBe(code);
    expect(classified.notApplied).toBe(notApplied);
  });

  it('maps a non-SOAP 5xx body to a transient error and a 429 to throttled', () => {
    const e503 = Object.assign(new Error('Non-whitespace before first tag'), { response: { status: 503 } });
    expect(classifyError(e503, ctx()).error).toBeInstanceOf(TransientError);
    const e429 = Object.assign(new Error('x'), { response: { status: 429 } });
    expect(classifyError(e429, ctx()).error).toBeInstanceOf(ThrottledError);
    const e404 = Object.assign(new Error('x'), { response: { status: 404 } });
    expect(classifyError(e404, ctx()).error).toBeInstanceOf(FaultError);
  });

  it('maps our own abort to a timeout naming the limit', () => {
    const aborted = Object.assign(new Error('canceled'), { code: 'ERR_CANCELED' });
    const { error } = classifyError(aborted, { ...ctx(), abortedBy: 'timeout', timeoutMs: 50 });
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toContain('50 ms');
  });

  it('builds fresh errors: no axios config/request/response, no secrets anywhere', () => {
    const raw = soapFault(
      'FORBIDDEN',
      `Invalid hash provided for ${SECRET} session ${SESSION} hash 0123456789abcdef0123456789abcdef`,
    );
    const { error } = classifyError(raw, ctx('login'));
    const dump =
      JSON.stringify(error) + inspect(error, { showHidden: true, depth: 10 }) + error.message + error.stack;
    expect(dump).not.toContain(SECRET);
    expect(dump).not.toContain(SESSION);
    expect(dump).not.toContain('0123456789abcdef0123456789abcdef');
    expect(dump).not.toContain('config');
    expect(Object.getOwnPropertyNames(error)).not.toContain('cause');
    expect(Object.getOwnPropertyNames(error)).not.toContain('response');
    expect(error.faultString).toContain('[REDACTED]');
  });
});
