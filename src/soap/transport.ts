// The HTTP layer of the client: node:http/https with one keep-alive agent per client, a CA bundle
// and TLS verification on by default, proxies through https-proxy-agent (CONNECT, so TLS is
// end-to-end with the endpoint) or http-proxy-agent (plain-HTTP endpoints). One request is one
// `exchange()`: the body goes out in a single write, the response streams into a sink as it
// arrives, and a single timer bounds the whole exchange (connect, send, wait, receive, decode).
import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import { StringDecoder } from 'node:string_decoder';
import { DecodeError } from '../wire/errors';

export interface TransportOptions {
  /** The SOAP service URL; decides whether NO_PROXY applies. */
  endpoint: string;
  /** Sockets per host; sized for the concurrency you run (default 64). */
  maxSockets?: number;
  /**
   * Proxy URL (http://user:pass@host:port). `undefined`: take HTTPS_PROXY/https_proxy (or
   * HTTP_PROXY for an http endpoint) from `env`, honouring NO_PROXY. `null`: never use a proxy.
   */
  proxy?: string | null;
  env?: Readonly<Record<string, string | undefined>>;
  /** Extra trusted CA certificates (PEM), added to Node's default roots, not replacing them. */
  extraCa?: string;
  /** Disables certificate verification. Only via an explicit option; a warning is logged. */
  tlsInsecure?: boolean;
  /** Responses larger than this are cut off with an error (default 16 MiB). */
  maxResponseBytes?: number;
  warn?: (message: string) => void;
}

/** Receives one response as it streams in. Throwing from a callback aborts the exchange. */
export interface ResponseSink {
  headers(status: number, headers: http.IncomingHttpHeaders): void;
  data(text: string, byteLength: number): void;
}

export interface ExchangeLimits {
  /** Absolute time (Date.now() scale) at which the exchange is abandoned. */
  endAt: number;
  /** What `endAt` stands for, reported back when it fires. */
  endReason: 'timeout' | 'deadline';
  signal?: AbortSignal | undefined;
}

export interface ExchangeResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  bytes: number;
  /** The peer of the TCP connection (the proxy, when there is one). */
  remoteAddress: string | undefined;
  remoteFamily: string | undefined;
}

/** Why an exchange failed below the SOAP level. Never carries the request body. */
export class TransportError extends Error {
  override readonly name = 'TransportError';
  constructor(
    message: string,
    /** A Node/OpenSSL code (`ECONNRESET`, `DEPTH_ZERO_SELF_SIGNED_CERT`…), or ours: `TIMEOUT`, `DEADLINE`, `ABORTED`, `TOO_LARGE`. */
    readonly code: string,
    /** HTTP status when the response had started. */
    readonly status: number | undefined,
    /** Whether any byte of the response arrived. */
    readonly responseStarted: boolean,
    /** The request went out on a kept-alive socket that had served earlier requests. */
    readonly reusedSocket: boolean,
  ) {
    super(message);
  }
}

export interface HttpTransport {
  readonly endpoint: URL;
  /** The proxy in use, credentials stripped (for logs), or undefined. */
  readonly proxyForLog: string | undefined;
  /** The agent every request uses (also handed to node-soap's axios by the fallback engine). */
  readonly agent: http.Agent;
  exchange(
    body: string,
    soapAction: string,
    sink: ResponseSink,
    limits: ExchangeLimits,
  ): Promise<ExchangeResult>;
  /**
   * A GET of the endpoint with `search` as its query (e.g. `?wsdl`), with the same agent, TLS,
   * proxy, size cap and single timer as a call. For diagnostics (the doctor), not the hot path.
   */
  get(search: string, sink: ResponseSink, limits: ExchangeLimits): Promise<ExchangeResult>;
  /** Closes idle keep-alive sockets; idempotent. */
  close(): void;
}

function envValue(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const v = env[name] ?? env[name.toLowerCase()];
  return v && v.trim() !== '' ? v.trim() : undefined;
}

/**
 * NO_PROXY semantics as curl: `*`, exact host, `.suffix`/`suffix` domains, optional `:port`.
 * Written here rather than taken from proxy-from-env because that library reads process.env only
 * (the client reads a .env file without touching process.env) and matches `example.com` against
 * that host alone, not its subdomains as curl and most proxies' users expect.
 */
export function bypassesProxy(endpoint: URL, noProxy: string | undefined): boolean {
  if (!noProxy) return false;
  const host = endpoint.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = endpoint.port || (endpoint.protocol === 'https:' ? '443' : '80');
  return noProxy
    .split(/[,\s]+/)
    .filter(Boolean)
    .some((entry) => {
      if (entry === '*') return true;
      const m = /^(.*?)(?::(\d+))?$/.exec(entry.toLowerCase());
      const pattern = (m?.[1] ?? '').replace(/^\*?\./, '.');
      if (m?.[2] && m[2] !== port) return false;
      if (pattern.startsWith('.')) return host.endsWith(pattern) || host === pattern.slice(1);
      return host === pattern || host.endsWith(`.${pattern}`);
    });
}

function isLoopback(endpoint: URL): boolean {
  const host = endpoint.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * The proxy to use: the explicit option, else HTTPS_PROXY (HTTP_PROXY for http endpoints) unless
 * NO_PROXY matches. A proxy from the environment is never used for loopback endpoints (a local
 * sandbox), since a corporate proxy cannot reach them.
 */
export function resolveProxy(
  options: Pick<TransportOptions, 'proxy' | 'env'>,
  endpoint: URL,
): string | undefined {
  if (options.proxy === null) return undefined;
  if (options.proxy !== undefined) return options.proxy;
  if (isLoopback(endpoint)) return undefined;
  const env = options.env ?? process.env;
  const fromEnv =
    endpoint.protocol === 'https:'
      ? envValue(env, 'HTTPS_PROXY')
      : (envValue(env, 'HTTP_PROXY') ?? envValue(env, 'HTTPS_PROXY'));
  if (!fromEnv || bypassesProxy(endpoint, envValue(env, 'NO_PROXY'))) return undefined;
  return fromEnv;
}

function stripCredentials(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return '[unparseable proxy URL]';
  }
}

const USER_AGENT = 'twocheckout-soap';
const CONTENT_TYPE = 'text/xml; charset=utf-8';
const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

function createAgent(
  endpoint: URL,
  proxy: string | undefined,
  maxSockets: number,
  tlsOptions: tls.ConnectionOptions,
): http.Agent {
  // The TLS options live on the agent, so every request (ours and node-soap's axios in the fallback
  // engine) gets them without options of its own.
  const options: https.AgentOptions = {
    ...(endpoint.protocol === 'https:' ? tlsOptions : {}),
    keepAlive: true,
    maxSockets,
    maxFreeSockets: maxSockets,
    scheduling: 'lifo',
    // Idle sockets are closed before typical server idle timeouts (Node also honours a server's
    // Keep-Alive: timeout=N hint), so a request rarely meets a socket the server just closed.
    timeout: 15_000,
  };
  if (!proxy) return endpoint.protocol === 'https:' ? new https.Agent(options) : new http.Agent(options);
  // Loaded only when a proxy is configured: they pull in agent-base and debug.
  if (endpoint.protocol === 'https:') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { HttpsProxyAgent } = require('https-proxy-agent') as typeof import('https-proxy-agent');
    const tunnel = new HttpsProxyAgent(proxy, options);
    // agent-base replaces the createSocket that would merge agent options into each request, so
    // the endpoint's TLS options are handed to every tunnel's handshake here.
    const connect = tunnel.connect.bind(tunnel);
    tunnel.connect = (req, opts) => connect(req, { ...tlsOptions, ...opts });
    return tunnel;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { HttpProxyAgent } = require('http-proxy-agent') as typeof import('http-proxy-agent');
  return new HttpProxyAgent(proxy, options);
}

function charsetOf(contentType: string | undefined): BufferEncoding | undefined {
  const m = /charset\s*=\s*"?([\w-]+)/i.exec(contentType ?? '');
  const name = (m?.[1] ?? 'utf-8').toLowerCase();
  if (name === 'utf-8' || name === 'utf8') return 'utf8';
  if (name === 'iso-8859-1' || name === 'latin1' || name === 'us-ascii') return 'latin1';
  return undefined;
}

export function createHttpTransport(options: TransportOptions): HttpTransport {
  const endpoint = new URL(options.endpoint);
  const secure = endpoint.protocol === 'https:';
  const maxSockets = options.maxSockets ?? 64;
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const tlsOptions: tls.ConnectionOptions = {
    rejectUnauthorized: options.tlsInsecure !== true,
    ...(options.extraCa ? { ca: [...tls.rootCertificates, options.extraCa] } : {}),
  };
  if (options.tlsInsecure === true) {
    options.warn?.(
      'TLS certificate verification is DISABLED (tlsInsecure). Anyone on the network path can read and alter ' +
        'requests, including the login hash and session. Use the caFile option for private CAs instead.',
    );
  }
  const proxy = resolveProxy(options, endpoint);
  const agent = createAgent(endpoint, proxy, maxSockets, tlsOptions);
  const request = secure ? https.request : http.request;
  const host = endpoint.hostname.replace(/^\[|\]$/g, '');
  const port = endpoint.port ? Number(endpoint.port) : secure ? 443 : 80;
  const path = `${endpoint.pathname}${endpoint.search}`;
  const hostHeader = endpoint.host;
  let closed = false;
  // A flat array is written as it is: no per-header setHeader() and validation regexes, which
  // showed in the facade's CPU profile (every value here is ours). Not through a forwarding proxy:
  // http-proxy-agent rewrites the request line after the constructor, which an array pre-empts.
  const flatHeaders = !(proxy && !secure);
  const headersFor = (body: string, soapAction: string): http.OutgoingHttpHeaders => {
    const length = String(Buffer.byteLength(body));
    const action = `"${soapAction}"`;
    if (!flatHeaders) {
      return {
        Host: hostHeader,
        'Content-Type': CONTENT_TYPE,
        'Content-Length': length,
        SOAPAction: action,
        Accept: 'text/xml',
        'User-Agent': USER_AGENT,
      };
    }
    const flat = [
      'Host',
      hostHeader,
      'Content-Type',
      CONTENT_TYPE,
      'Content-Length',
      length,
      'SOAPAction',
      action,
      'Accept',
      'text/xml',
      'User-Agent',
      USER_AGENT,
    ];
    return flat as unknown as http.OutgoingHttpHeaders;
  };

  function send(
    method: 'POST' | 'GET',
    requestPath: string,
    headers: http.OutgoingHttpHeaders,
    body: string | undefined,
    sink: ResponseSink,
    limits: ExchangeLimits,
  ): Promise<ExchangeResult> {
    return new Promise<ExchangeResult>((resolve, reject) => {
      if (limits.signal?.aborted) {
        reject(new TransportError('the call was aborted by its signal', 'ABORTED', undefined, false, false));
        return;
      }
      let settled = false;
      let status: number | undefined;
      let started = false;
      let bytes = 0;
      // The one bound on the whole exchange: connect, send, wait, receive and decode.
      const timer = setTimeout(
        () =>
          limits.endReason === 'deadline'
            ? fail('DEADLINE', 'the call deadline passed')
            : fail('TIMEOUT', 'the request timed out'),
        Math.max(1, limits.endAt - Date.now()),
      );
      const req = request({
        agent,
        method,
        // Explicit, so proxy agents (agent-base) file kept-alive tunnels under the same pool key
        // when a response ends as when the next request looks for one.
        protocol: endpoint.protocol,
        host,
        port,
        path: requestPath,
        headers,
      });
      const finish = (err: Error | undefined, result?: ExchangeResult): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        limits.signal?.removeEventListener('abort', onAbort);
        if (err) {
          req.destroy();
          const e =
            err instanceof TransportError || err instanceof DecodeError
              ? err
              : new TransportError(
                  err.message,
                  (err as NodeJS.ErrnoException).code ?? 'EUNKNOWN',
                  status,
                  started,
                  req.reusedSocket,
                );
          reject(e);
        } else resolve(result as ExchangeResult);
      };
      const fail = (code: string, message: string): void =>
        finish(new TransportError(message, code, status, started, req.reusedSocket));
      const onAbort = (): void => fail('ABORTED', 'the call was aborted by its signal');
      limits.signal?.addEventListener('abort', onAbort, { once: true });
      req.on('error', (err) => finish(err));
      req.on('response', (res) => {
        status = res.statusCode ?? 0;
        const encoding = charsetOf(res.headers['content-type']);
        if (!encoding) {
          fail(
            'CHARSET',
            `the response uses a character set the client does not read (${res.headers['content-type']})`,
          );
          return;
        }
        const decoder = new StringDecoder(encoding);
        try {
          sink.headers(status, res.headers);
        } catch (e) {
          finish(e as Error);
          return;
        }
        res.on('data', (chunk: Buffer) => {
          if (settled) return;
          started = true;
          bytes += chunk.length;
          if (bytes > maxBytes) {
            fail('TOO_LARGE', `the response is larger than ${maxBytes} bytes`);
            return;
          }
          try {
            sink.data(decoder.write(chunk), chunk.length);
          } catch (e) {
            finish(e as Error);
          }
        });
        res.on('end', () => {
          if (settled) return;
          try {
            const rest = decoder.end();
            if (rest) sink.data(rest, 0);
          } catch (e) {
            finish(e as Error);
            return;
          }
          finish(undefined, {
            status: status ?? 0,
            headers: res.headers,
            bytes,
            remoteAddress: res.socket?.remoteAddress,
            remoteFamily: res.socket?.remoteFamily,
          });
        });
        res.on('close', () => {
          if (!res.complete) fail('ECONNRESET', 'the connection closed before the response was complete');
        });
        res.on('error', (err) => finish(err));
      });
      req.end(body);
    });
  }

  const exchange = (body: string, soapAction: string, sink: ResponseSink, limits: ExchangeLimits) =>
    send('POST', path, headersFor(body, soapAction), body, sink, limits);

  const get = (search: string, sink: ResponseSink, limits: ExchangeLimits): Promise<ExchangeResult> => {
    const query = search === '' || search.startsWith('?') ? search : `?${search}`;
    const headers = { Host: hostHeader, Accept: '*/*', 'User-Agent': USER_AGENT };
    return send('GET', `${endpoint.pathname}${query}`, headers, undefined, sink, limits);
  };

  return {
    endpoint,
    proxyForLog: proxy ? stripCredentials(proxy) : undefined,
    agent,
    exchange(body, soapAction, sink, limits) {
      if (closed)
        return Promise.reject(new TransportError('the client is closed', 'CLOSED', undefined, false, false));
      return exchange(body, soapAction, sink, limits);
    },
    get(search, sink, limits) {
      if (closed)
        return Promise.reject(new TransportError('the client is closed', 'CLOSED', undefined, false, false));
      return get(search, sink, limits);
    },
    close() {
      if (closed) return;
      closed = true;
      agent.destroy();
    },
  };
}
