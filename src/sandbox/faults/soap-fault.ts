/** A fault the sandbox answers with (HTTP 500, SOAP 1.1 faultcode/faultstring). */
export class SoapFault extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SoapFault';
  }
}

/** Malformed or unsupported request: the caller's fault, `SOAP-ENV:Client`. */
export function clientFault(message: string): SoapFault {
  return new SoapFault('SOAP-ENV:Client', message);
}
