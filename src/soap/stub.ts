// A node-soap client bound to one endpoint, built from the once-per-process parsed WSDL. Many
// stubs with different endpoints and HTTP clients can coexist: they share only the parsed WSDL.
import type { AxiosInstance } from 'axios';
import { Client } from 'soap';
import type { TwocheckoutClient } from '../../generated/twocheckout/client';
import type { WsdlOperationName } from '../domain';
import { loadVendoredWsdl } from './wsdl';
import type { WireObject } from './wire-args';

export interface SoapStubOptions {
  /** The service URL, e.g. https://api.2checkout.com/soap/4.0/ or a sandbox's url. */
  endpoint: string;
  /** The axios instance every call goes through (keep-alive, proxy, CA, TLS): see transport.ts. */
  httpClient?: AxiosInstance;
}

/** Per-call options passed to axios (node-soap merges them into the request config). */
export interface SoapCallOptions {
  timeout?: number;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** node-soap's exchange id, repeated in its request/response events. */
  exchangeId?: string;
}

export interface SoapCallOutcome {
  /** node-soap's parsed body, e.g. `{ loginReturn: {attributes, $value} }`: give it to normalizeResult. */
  result: unknown;
  /** The response body as received. */
  rawResponse: string;
  /** The request envelope as sent (contains the sessionID: never log it unredacted). */
  rawRequest: string;
}

export interface SoapStub {
  readonly endpoint: string;
  /** The underlying node-soap client, typed by the generated stubs (for events, describe(), typed calls). */
  readonly client: TwocheckoutClient;
  /** Sends `op` with arguments from toWireArgs. Faults reject with node-soap's Error (`err.root.Envelope.Body.Fault`). */
  invoke(op: WsdlOperationName, wireArgs: WireObject, options?: SoapCallOptions): Promise<SoapCallOutcome>;
}

type AsyncMethod = (
  args: WireObject,
  options?: SoapCallOptions,
) => Promise<[unknown, unknown, unknown, unknown]>;

export async function createSoapStub(options: SoapStubOptions): Promise<SoapStub> {
  let url: URL;
  try {
    url = new URL(options.endpoint);
  } catch {
    throw new Error(`Invalid SOAP endpoint URL: ${JSON.stringify(options.endpoint)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`SOAP endpoint must be http(s), got ${url.protocol}`);
  }
  const wsdl = await loadVendoredWsdl();
  const client = new Client(
    wsdl,
    options.endpoint,
    // preserveWhitespace: node-soap trims string values otherwise ('  a  ' -> 'a'). Every stub passes
    // the same value, which matters because node-soap copies it onto the shared parsed WSDL.
    options.httpClient
      ? { request: options.httpClient, preserveWhitespace: true }
      : { preserveWhitespace: true },
  ) as unknown as TwocheckoutClient;
  client.setEndpoint(options.endpoint);
  return {
    endpoint: options.endpoint,
    client,
    async invoke(op, wireArgs, callOptions) {
      const method = (client as unknown as Record<string, AsyncMethod | undefined>)[`${op}Async`];
      if (typeof method !== 'function') throw new Error(`The WSDL has no operation ${op}`);
      const [result, rawResponse, , rawRequest] = await method.call(client, wireArgs, callOptions);
      return { result, rawResponse: String(rawResponse ?? ''), rawRequest: String(rawRequest ?? '') };
    },
  };
}
