// The default engine: generated serializers and response plans (generated/twocheckout/codecs.ts)
// over the node:http transport. The response is decoded while it streams in, inside the attempt's
// time limit, and is judged by HTTP status and content together, so an outage is never read as an
// answer: a 5xx HTML page, a JSON body, an empty 200, a 204, a redirect, an envelope without a
// Body or another operation's response all come back as failures.
import type { IncomingHttpHeaders } from 'node:http';
import { codecs } from '../../generated/twocheckout/codecs';
import type { OperationArgs, WsdlOperationName } from '../domain';
import { DEFAULT_DECODE_LIMITS, ResponseDecoder, type Decoded } from '../wire/decoder';
import { str } from '../wire/encode';
import { DecodeError } from '../wire/errors';
import type { ResponsePlan } from '../wire/plan';
import {
  parseRetryAfter,
  type AttemptLimits,
  type AttemptOutcome,
  type Engine,
  type PreparedCall,
  type WireFailure,
} from './engine';
import { TransportError, type HttpTransport } from './transport';

type Codec = {
  readonly serialize: (input: never, sessionID: string | undefined) => string;
  readonly response: ResponsePlan;
  readonly soapAction: string;
};
const table = codecs as unknown as Readonly<Record<string, Codec | undefined>>;

// Compile-time check that the domain's argument types (read from the schema model) fit the
// serializers' inputs (typed from wsdl-tsclient's message interfaces): a swapped WSDL where the two
// disagree fails the type-check here, naming the operation.
type Serializers = typeof codecs;
type ArgsFit = {
  [Op in keyof Serializers]: OperationArgs<Op> extends Parameters<Serializers[Op]['serialize']>[0]
    ? true
    : Op;
};
export const domainArgsFitSerializers: { readonly [Op in keyof Serializers]: true } =
  null as unknown as ArgsFit;

/** Operations the generated codecs cover. */
export function hasCodec(operation: string): boolean {
  return Object.hasOwn(table, operation);
}

// Stands in for the session while the arguments are encoded once per call; each attempt splices
// the real (escaped) session ID in. It cannot collide with argument text: `<` is always escaped there.
const SESSION_SLOT = '<sessionID>@SESSION@</sessionID>';

interface CodecCall extends PreparedCall {
  readonly codec: Codec;
  /** The body before and after the session ID (head only when the operation has none). */
  readonly head: string;
  readonly tail: string | undefined;
}

const NETWORK_NOT_XML: Readonly<Record<string, true>> = { TOO_LARGE: true, CHARSET: true };

function failureFromTransport(err: TransportError): WireFailure {
  const base = {
    ...(err.status !== undefined ? { httpStatus: err.status } : {}),
    responseStarted: err.responseStarted,
  };
  switch (err.code) {
    case 'TIMEOUT':
      return { kind: 'timeout', message: err.message, ...base };
    case 'DEADLINE':
      return { kind: 'deadline', message: err.message, ...base };
    case 'ABORTED':
      return { kind: 'aborted', message: err.message, ...base };
    default:
      if (NETWORK_NOT_XML[err.code]) return { kind: 'response', message: err.message, ...base };
      return {
        kind: 'network',
        message: err.message,
        networkCode: err.code,
        staleSocket: err.reusedSocket && !err.responseStarted,
        ...base,
      };
  }
}

function failureFromDecode(err: DecodeError, status: number): WireFailure {
  if (err.reason === 'deadline') return { kind: 'deadline', message: err.message, httpStatus: status };
  return { kind: 'response', message: `unexpected response: ${err.message}`, httpStatus: status };
}

/** What an HTTP status with no usable SOAP answer means. */
function httpFailure(status: number, headers: IncomingHttpHeaders, why: string): WireFailure {
  const retryAfterMs = parseRetryAfter(headers['retry-after']);
  const extra = retryAfterMs !== undefined ? { retryAfterMs } : {};
  if (status >= 200 && status < 300) {
    return { kind: 'response', message: `unexpected response: HTTP ${status} ${why}`, httpStatus: status };
  }
  return { kind: 'http', message: `HTTP ${status} ${why}`, httpStatus: status, ...extra };
}

export function createCodecEngine(transport: HttpTransport): Engine {
  return {
    name: 'codec',

    prepare(operation: WsdlOperationName, args: unknown): CodecCall {
      const codec = table[operation];
      if (!codec) throw new Error(`no generated codec for ${operation}`);
      const body = codec.serialize(args as never, '@SESSION@');
      const at = body.indexOf(SESSION_SLOT);
      if (at < 0) return { operation, codec, head: body, tail: undefined };
      return {
        operation,
        codec,
        head: body.slice(0, at + 11),
        tail: body.slice(at + SESSION_SLOT.length - 12),
      };
    },

    async attempt(prepared, sessionID, limits: AttemptLimits): Promise<AttemptOutcome> {
      const call = prepared as CodecCall;
      const body =
        call.tail === undefined
          ? call.head
          : call.head + str(sessionID, call.operation, '', 'sessionID') + call.tail;
      const decoder = new ResponseDecoder(call.codec.response, {
        ...DEFAULT_DECODE_LIMITS,
        deadlineAt: limits.endAt,
        now: Date.now,
      });
      let status = 0;
      let ok = false;
      let decodeError: DecodeError | undefined;
      const sink = {
        headers(s: number) {
          status = s;
          ok = s >= 200 && s < 300;
        },
        data(text: string, byteLength: number) {
          if (decodeError) return;
          try {
            decoder.write(text, byteLength);
          } catch (e) {
            if (!(e instanceof DecodeError)) throw e;
            // A 2xx body that is not the answer, or a bound hit: stop reading now. Other statuses
            // are drained (bounded) so the connection can be reused; their body only helps explain.
            if (ok || e.reason === 'limit' || e.reason === 'deadline') throw e;
            decodeError = e;
          }
        },
      };
      let headers: IncomingHttpHeaders;
      try {
        ({ status, headers } = await transport.exchange(body, call.codec.soapAction, sink, limits));
      } catch (e) {
        if (e instanceof DecodeError) return { ok: false, failure: failureFromDecode(e, status) };
        if (e instanceof TransportError) return { ok: false, failure: failureFromTransport(e) };
        return {
          ok: false,
          failure: { kind: 'network', message: e instanceof Error ? e.message : String(e) },
        };
      }
      let decoded: Decoded | undefined;
      if (!decodeError) {
        try {
          decoded = decoder.end();
        } catch (e) {
          if (!(e instanceof DecodeError)) throw e;
          decodeError = e;
        }
      }
      if (decoded?.kind === 'fault') {
        const retryAfterMs = parseRetryAfter(headers['retry-after']);
        return {
          ok: false,
          failure: {
            kind: 'fault',
            message: `${decoded.code}: ${decoded.string}`,
            httpStatus: status,
            faultCode: decoded.code,
            faultString: decoded.string,
            faultLength: decoded.stringLength,
            ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
          },
        };
      }
      if (decoded && ok) return { ok: true, value: decoded.value, httpStatus: status };
      if (decoded)
        return { ok: false, failure: httpFailure(status, headers, 'with a SOAP answer but no fault') };
      const err = decodeError as DecodeError;
      if (ok) {
        if (err.reason === 'not-soap' && status === 204) {
          return { ok: false, failure: httpFailure(status, headers, 'with no SOAP envelope') };
        }
        return { ok: false, failure: failureFromDecode(err, status) };
      }
      if (err.reason === 'deadline') return { ok: false, failure: failureFromDecode(err, status) };
      return { ok: false, failure: httpFailure(status, headers, 'without a SOAP fault') };
    },

    close() {
      transport.close();
    },
  };
}
