import { TransportError, type HttpTransport } from '../soap/transport';

/** What one GET of the service's ?wsdl showed. */
export interface HttpProbe {
  url: string;
  /** Local clock just before the request and just after the answer (ms since epoch). */
  sentAt: number;
  receivedAt: number;
  /** Set when an HTTP answer arrived (any status). */
  status?: number;
  contentType?: string;
  /** The raw `Date` header, when the server sent one. */
  date?: string;
  body?: string;
  /** The peer of the TCP connection (the proxy, when there is one). */
  remoteAddress?: string;
  remoteFamily?: string;
  /** Set when no HTTP answer arrived. `code` is Node's / OpenSSL's (ECONNREFUSED, CERT_HAS_EXPIRED…). */
  error?: { code?: string; message: string };
}

export const MAX_WSDL_BYTES = 20 * 1024 * 1024;

/** `…/soap/4.0/` → `…/soap/4.0/?wsdl` (keeps an existing query). */
export function wsdlUrlOf(serviceUrl: string): string {
  const u = new URL(serviceUrl);
  u.search = u.search ? `${u.search}&wsdl` : 'wsdl';
  return u.toString();
}

/** One bounded GET (one timer, abort-free, size cap, no redirects followed) through the client's transport. */
export async function probeHttp(
  transport: HttpTransport,
  serviceUrl: string,
  timeoutMs: number,
): Promise<HttpProbe> {
  const url = wsdlUrlOf(serviceUrl);
  const sentAt = Date.now();
  const chunks: string[] = [];
  try {
    const res = await transport.get(
      new URL(url).search,
      { headers: () => undefined, data: (text) => void chunks.push(text) },
      { endAt: sentAt + timeoutMs, endReason: 'timeout' },
    );
    const receivedAt = Date.now();
    const date = res.headers.date;
    const type = res.headers['content-type'];
    return {
      url,
      sentAt,
      receivedAt,
      status: res.status,
      ...(typeof type === 'string' ? { contentType: type } : {}),
      ...(typeof date === 'string' ? { date } : {}),
      body: chunks.join(''),
      ...(res.remoteAddress ? { remoteAddress: res.remoteAddress } : {}),
      ...(res.remoteFamily ? { remoteFamily: res.remoteFamily } : {}),
    };
  } catch (err) {
    const receivedAt = Date.now();
    const code = err instanceof TransportError ? err.code : (err as { code?: unknown }).code;
    const timedOut = code === 'TIMEOUT' || code === 'DEADLINE';
    const message = timedOut
      ? `no answer within ${timeoutMs} ms`
      : err instanceof Error
        ? err.message
        : String(err);
    return {
      url,
      sentAt,
      receivedAt,
      error: { ...(typeof code === 'string' && !timedOut ? { code } : {}), message },
    };
  }
}
