import type { AxiosInstance, AxiosResponse } from 'axios';

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

const MAX_WSDL_BYTES = 20 * 1024 * 1024;

/** `…/soap/4.0/` → `…/soap/4.0/?wsdl` (keeps an existing query). */
export function wsdlUrlOf(serviceUrl: string): string {
  const u = new URL(serviceUrl);
  u.search = u.search ? `${u.search}&wsdl` : 'wsdl';
  return u.toString();
}

function errorCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = e?.cause?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

function peer(res: AxiosResponse): { remoteAddress?: string; remoteFamily?: string } {
  const socket = (res.request as { socket?: { remoteAddress?: string; remoteFamily?: string } } | undefined)
    ?.socket;
  return {
    ...(socket?.remoteAddress ? { remoteAddress: socket.remoteAddress } : {}),
    ...(socket?.remoteFamily ? { remoteFamily: socket.remoteFamily } : {}),
  };
}

/** One bounded GET (timeout, abort signal, size cap, no redirects followed) through the client's transport. */
export async function probeHttp(
  http: AxiosInstance,
  serviceUrl: string,
  timeoutMs: number,
): Promise<HttpProbe> {
  const url = wsdlUrlOf(serviceUrl);
  const sentAt = Date.now();
  try {
    const res = await http.get<string>(url, {
      timeout: timeoutMs,
      signal: AbortSignal.timeout(timeoutMs),
      responseType: 'text',
      transformResponse: (d: unknown) => d,
      maxContentLength: MAX_WSDL_BYTES,
      validateStatus: () => true,
    });
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
      body: typeof res.data === 'string' ? res.data : String(res.data),
      ...peer(res),
    };
  } catch (err) {
    const receivedAt = Date.now();
    const code = errorCode(err);
    const timedOut =
      (err as { name?: string }).name === 'CanceledError' ||
      ['ECONNABORTED', 'ERR_CANCELED', 'ETIMEDOUT'].includes(code ?? '');
    const message = timedOut
      ? `no answer within ${timeoutMs} ms`
      : err instanceof Error
        ? err.message
        : String(err);
    return { url, sentAt, receivedAt, error: { ...(code ? { code } : {}), message } };
  }
}
