/**
 * Why a response could not be decoded:
 * - `not-soap`: not XML, or XML that is not a SOAP 1.1 envelope (an HTML error page, JSON, empty);
 * - `malformed`: broken XML (unclosed tags, bad entities, a DOCTYPE);
 * - `unexpected`: a SOAP envelope that does not answer the operation (another operation's
 *   response, no Body, no return part) or a value that does not fit the WSDL;
 * - `limit`: a bound was hit (nesting depth, decoded nodes per response byte, response size);
 * - `deadline`: the call's deadline passed while decoding.
 */
export type DecodeFailure = 'not-soap' | 'malformed' | 'unexpected' | 'limit' | 'deadline';

/** A response that cannot be turned into the operation's value. Messages never quote values. */
export class DecodeError extends Error {
  override readonly name = 'DecodeError';
  constructor(
    readonly reason: DecodeFailure,
    message: string,
    /** Where in the value it went wrong, e.g. `getCustomerInformationReturn.Email`. */
    readonly path?: string,
  ) {
    super(path ? `${path}: ${message}` : message);
  }
}

/** A request argument that does not fit the WSDL; `path` names it. Values are never quoted. */
export class WireArgsError extends Error {
  override readonly name = 'WireArgsError';
  constructor(
    readonly operation: string,
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${operation} request: ${path}: ${reason}`);
  }
}
