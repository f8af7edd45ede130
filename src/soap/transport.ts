import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import type { Duplex } from 'node:stream';
import axios, { type AxiosInstance } from 'axios';

export interface TransportOptions {
  /** The SOAP service URL; decides whether NO_PROXY applies. */
  endpoint: string;
  /** Per-request timeout (socket inactivity + our own abort timer in the client). */
  timeoutMs: number;
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
  warn?: (message: string) => void;
}

export interface Transport {
  /** The one axios instance for the WSDL (if ever fetched) and every call; give it to node-soap as `request`. */
  readonly http: AxiosInstance;
  /** The proxy in use, credentials stripped (for logs), or undefined. */
  readonly proxyForLog: string | undefined;
  /** Closes idle keep-alive sockets; idempotent. */
  close(): void;
}

function envValue(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const v = env[name] ?? env[name.toLowerCase()];
  return v && v.trim() !== '' ? v.trim() : undefined;
}

/** NO_PROXY semantics as curl/proxy-from-env: `*`, exact host, `.suffix`/`suffix` domains, optional `:port`. */
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
export function resolveProxy(options: TransportOptions, endpoint: URL): string | undefined {
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

type ConnectCallback = (err: Error | null, socket?: Duplex) => void;

/**
 * Reaches the endpoint through an HTTP(S) proxy with CONNECT, then (for https endpoints) speaks
 * TLS end-to-end with the endpoint: the CA and verification options apply to the endpoint, not to
 * the proxy. Tunnels are pooled by the agent like ordinary keep-alive sockets. (https-proxy-agent 9
 * is ESM-only, which CommonJS under jest cannot load; this is the same technique in a few lines.)
 */
function openTunnel(
  proxy: URL,
  secureEndpoint: boolean,
  connectTimeoutMs: number,
  options: tls.ConnectionOptions & http.ClientRequestArgs,
  callback: ConnectCallback,
): void {
  const host = String(options.host ?? options.hostname ?? 'localhost');
  const port = Number(options.port ?? (secureEndpoint ? 443 : 80));
  const target = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  const headers: Record<string, string> = { Host: target };
  if (proxy.username || proxy.password) {
    const auth = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
    headers['Proxy-Authorization'] = `Basic ${Buffer.from(auth).toString('base64')}`;
  }
  const request = (proxy.protocol === 'https:' ? https : http).request({
    host: proxy.hostname.replace(/^\[|\]$/g, ''),
    port: proxy.port || (proxy.protocol === 'https:' ? 443 : 80),
    method: 'CONNECT',
    path: target,
    headers,
    agent: false,
    timeout: connectTimeoutMs,
  });
  let done = false;
  const finish = (err: Error | null, socket?: Duplex): void => {
    if (done) return;
    done = true;
    callback(err, socket);
  };
  request.once('connect', (res, socket) => {
    if (res.statusCode !== 200) {
      socket.destroy();
      finish(
        Object.assign(new Error(`proxy refused CONNECT to ${target}: HTTP ${res.statusCode}`), {
          code: 'EPROXY',
        }),
      );
      return;
    }
    if (!secureEndpoint) {
      finish(null, socket);
      return;
    }
    const servername = options.servername ?? (/^[\d.]+$|:/.test(host) ? undefined : host);
    finish(null, tls.connect({ ...options, socket, ...(servername ? { servername } : {}) }));
  });
  request.once('timeout', () => {
    request.destroy(Object.assign(new Error(`proxy CONNECT to ${target} timed out`), { code: 'ETIMEDOUT' }));
  });
  request.once('error', (err) => finish(err));
  request.end();
}

type TunnelOptions = tls.ConnectionOptions & http.ClientRequestArgs;

class HttpTunnelAgent extends http.Agent {
  constructor(
    private readonly proxy: URL,
    private readonly connectTimeoutMs: number,
    options: http.AgentOptions,
  ) {
    super(options);
  }

  override createConnection(options: TunnelOptions, callback: ConnectCallback): undefined {
    openTunnel(this.proxy, false, this.connectTimeoutMs, options, callback);
    return undefined;
  }
}

class HttpsTunnelAgent extends https.Agent {
  constructor(
    private readonly proxy: URL,
    private readonly connectTimeoutMs: number,
    options: https.AgentOptions,
  ) {
    super(options);
  }

  override createConnection(options: TunnelOptions, callback: ConnectCallback): undefined {
    openTunnel(this.proxy, true, this.connectTimeoutMs, options, callback);
    return undefined;
  }
}

/**
 * One HTTP stack per client: keep-alive agents, optional proxy, CA bundle, TLS verification on.
 * No per-call allocation: node-soap reuses this axios instance for every request.
 */
export function createTransport(options: TransportOptions): Transport {
  const endpoint = new URL(options.endpoint);
  const maxSockets = options.maxSockets ?? 64;
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
  const agentBase = {
    keepAlive: true,
    maxSockets,
    maxFreeSockets: Math.min(maxSockets, 16),
    scheduling: 'lifo' as const,
  };
  const proxy = resolveProxy(options, endpoint);
  let httpAgent: http.Agent;
  let httpsAgent: http.Agent;
  if (proxy) {
    const proxyUrl = new URL(proxy);
    httpAgent = new HttpTunnelAgent(proxyUrl, options.timeoutMs, agentBase);
    httpsAgent = new HttpsTunnelAgent(proxyUrl, options.timeoutMs, { ...agentBase, ...tlsOptions });
  } else {
    httpAgent = new http.Agent(agentBase);
    httpsAgent = new https.Agent({ ...agentBase, ...tlsOptions });
  }
  const instance = axios.create({
    httpAgent,
    httpsAgent,
    // Our agents decide about proxies; axios must not apply HTTP(S)_PROXY a second time.
    proxy: false,
    timeout: options.timeoutMs,
    maxRedirects: 0,
    maxContentLength: 50 * 1024 * 1024,
    maxBodyLength: 50 * 1024 * 1024,
  });
  let closed = false;
  return {
    http: instance,
    proxyForLog: proxy ? stripCredentials(proxy) : undefined,
    close() {
      if (closed) return;
      closed = true;
      httpAgent.destroy();
      if (httpsAgent !== httpAgent) httpsAgent.destroy();
    },
  };
}
