// The fallback engine: node-soap builds the request from toWireArgs and parses the response, which
// the schema-driven normalizer turns into the domain value. Used for operations the code generator
// could not compile (see generated/twocheckout/codecs.ts `uncompiled`) and with
// `engine: 'node-soap'`. It shares the client's agent (keep-alive, proxy, CA, TLS), so only the
// encoding differs. node-soap and axios are loaded on first use, never by `require('twocheckout-soap')`.
import type { AxiosInstance } from 'axios';
import type { WsdlOperationName } from '../domain';
import {
  parseRetryAfter,
  type AttemptOutcome,
  type Engine,
  type PreparedCall,
  type WireFailure,
} from './engine';
import type { SoapStub } from './stub';
import type { HttpTransport } from './transport';
import type { WireObject } from './wire-args';

interface NodeSoapCall extends PreparedCall {
  readonly wire: WireObject;
}

type Bag = Record<string, unknown>;
const asBag = (v: unknown): Bag | undefined => (typeof v === 'object' && v !== null ? (v as Bag) : undefined);

/** node-soap gives fault parts either as strings or as `{ $value }` (with xsi:type on the wire). */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  const bag = asBag(value);
  if (bag && '$value' in bag) return text(bag.$value);
  return undefined;
}

const PLACEHOLDER = '-';

/** Maps what node-soap/axios threw to the neutral failure shape (reading only what it needs). */
export function failureFromNodeSoap(
  raw: unknown,
  abortedBy: 'timeout' | 'deadline' | 'aborted' | undefined,
): WireFailure {
  const err = asBag(raw) ?? {};
  const response = asBag(err.response);
  const httpStatus = typeof response?.status === 'number' ? response.status : undefined;
  const status = httpStatus !== undefined ? { httpStatus } : {};
  const retryAfterMs = parseRetryAfter(asBag(response?.headers)?.['retry-after'] as string | undefined);
  const retry = retryAfterMs !== undefined ? { retryAfterMs } : {};
  const fault = asBag(asBag(asBag(asBag(err.root)?.Envelope)?.Body)?.Fault);
  if (fault) {
    // SOAP 1.1 faultcode/faultstring; the SOAP 1.2 shape (node-soap's own server errors): Code.Value / Reason.Text.
    const code = text(fault.faultcode) ?? text(asBag(fault.Code)?.Value) ?? '';
    const message = text(fault.faultstring) ?? text(asBag(fault.Reason)?.Text) ?? '';
    return {
      kind: 'fault',
      message: `${code}: ${message}`,
      faultCode: code,
      faultString: message,
      ...status,
      ...retry,
    };
  }
  if (abortedBy) return { kind: abortedBy, message: `the call ended (${abortedBy})`, ...status };
  const code = typeof err.code === 'string' ? err.code : undefined;
  if (code && code !== 'ERR_BAD_RESPONSE' && code !== 'ERR_BAD_REQUEST' && httpStatus === undefined) {
    return { kind: 'network', message: String(err.message ?? code), networkCode: code };
  }
  const message = typeof err.message === 'string' ? err.message : String(raw);
  if (httpStatus !== undefined && (httpStatus < 200 || httpStatus >= 300)) {
    return { kind: 'http', message: `HTTP ${httpStatus} without a SOAP fault`, ...status, ...retry };
  }
  if (/socket hang up/i.test(message)) return { kind: 'network', message, networkCode: 'ECONNRESET' };
  return { kind: 'response', message: `unexpected response: ${message}`, ...status };
}

export function createNodeSoapEngine(transport: HttpTransport): Engine {
  let stub: Promise<SoapStub> | undefined;
  const statuses = new Map<string, number>();
  let exchange = 0;
  const load = (): Promise<SoapStub> => {
    if (!stub) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (see the header)
      const axios = require('axios') as typeof import('axios');
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (see the header)
      const { createSoapStub } = require('./stub') as typeof import('./stub');
      const secure = transport.endpoint.protocol === 'https:';
      const httpClient: AxiosInstance = axios.create({
        ...(secure ? { httpsAgent: transport.agent } : { httpAgent: transport.agent }),
        // Our agent decides about proxies; axios must not apply HTTP(S)_PROXY a second time.
        proxy: false,
        maxRedirects: 0,
        maxContentLength: 16 * 1024 * 1024,
        maxBodyLength: 16 * 1024 * 1024,
      });
      stub = createSoapStub({ endpoint: transport.endpoint.href, httpClient }).then((s) => {
        // node-soap resolves some non-2xx answers (a 500 with a JSON body); its response event
        // tells the status per exchange, so an outage cannot pass for a result.
        s.client.on('response', (_body: unknown, response: { status?: number } | null, eid: string) => {
          if (statuses.has(eid) && typeof response?.status === 'number') statuses.set(eid, response.status);
        });
        return s;
      });
      stub.catch(() => {
        stub = undefined;
      });
    }
    return stub;
  };

  return {
    name: 'node-soap',

    prepare(operation: WsdlOperationName, args: unknown): NodeSoapCall {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (see the header)
      const { toWireArgs } = require('./wire-args') as typeof import('./wire-args');
      return {
        operation,
        wire: toWireArgs(operation, args as never, operation === 'login' ? undefined : PLACEHOLDER),
      };
    },

    async attempt(prepared, sessionID, limits): Promise<AttemptOutcome> {
      const call = prepared as NodeSoapCall;
      const controller = new AbortController();
      let abortedBy: 'timeout' | 'deadline' | 'aborted' | undefined;
      const onAbort = (): void => {
        abortedBy = 'aborted';
        controller.abort();
      };
      if (limits.signal?.aborted)
        return { ok: false, failure: { kind: 'aborted', message: 'the call was aborted' } };
      limits.signal?.addEventListener('abort', onAbort, { once: true });
      const wait = Math.max(1, limits.endAt - Date.now());
      const timer = setTimeout(() => {
        abortedBy = limits.endReason;
        controller.abort();
      }, wait);
      try {
        const s = await load();
        const wire = sessionID === undefined ? call.wire : { ...call.wire, sessionID };
        const eid = `twocheckout-${++exchange}`;
        statuses.set(eid, 0);
        let status: number;
        let result: unknown;
        try {
          ({ result } = await s.invoke(call.operation, wire, {
            timeout: wait,
            signal: controller.signal,
            exchangeId: eid,
          }));
        } finally {
          status = statuses.get(eid) ?? 0;
          statuses.delete(eid);
        }
        if (status !== 0 && (status < 200 || status >= 300)) {
          return {
            ok: false,
            failure: { kind: 'http', message: `HTTP ${status} without a SOAP fault`, httpStatus: status },
          };
        }
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (see the header)
        const { normalizeResult } = require('./normalize') as typeof import('./normalize');
        try {
          return { ok: true, value: normalizeResult(call.operation, result), httpStatus: 200 };
        } catch (e) {
          return {
            ok: false,
            failure: {
              kind: 'response',
              message: `unexpected response: ${(e as Error).message}`,
              httpStatus: 200,
            },
          };
        }
      } catch (e) {
        return { ok: false, failure: failureFromNodeSoap(e, abortedBy) };
      } finally {
        clearTimeout(timer);
        limits.signal?.removeEventListener('abort', onAbort);
      }
    },

    close() {
      transport.close();
    },
  };
}
