import http from 'node:http';
import type { Socket } from 'node:net';
import { BodyTooLarge, readBody } from './http-body';
import type { SoapOutcome, SoapService } from './soap-service';
import type { StatsRecorder } from './stats';

export const SOAP_PATH = '/soap/4.0/';

export interface HttpDeps {
  service: SoapService;
  stats: StatsRecorder;
  wsdl(): Buffer;
  maxBodyBytes: number;
  /** Dumps a merchant's customers (JSON) or undefined for an unknown merchant. */
  customersOf(merchant: string): unknown;
  expireAllSessions(): number;
  /** The sandbox clock: the `Date` header of every answer follows it (clients measure skew from it). */
  now(): number;
}

const XML_TYPE = 'text/xml; charset=utf-8';
const OVER_CAP_IDLE_MS = 5000;

/** Extra response headers as a flat list: name, value, name, value… */
type ExtraHeaders = readonly string[];

/**
 * The requests of one connection, taken one at a time: `current` is the response being produced,
 * `queue` the pipelined requests that wait (unread) behind it.
 */
interface Lane {
  current: http.ServerResponse | undefined;
  queue: (() => void)[];
  waiting: boolean;
}

function answered(res: http.ServerResponse): boolean {
  return res.writableFinished || res.destroyed;
}

/**
 * The request target as a URL, or undefined when it is malformed: unparsable, a `%` not followed by
 * two hex digits anywhere, or a path whose escapes are not UTF-8 (decodeURIComponent would throw).
 */
function parseTarget(target: string): URL | undefined {
  if (/%(?![0-9A-Fa-f]{2})/.test(target)) return undefined;
  try {
    const url = new URL(target, 'http://sandbox.invalid');
    decodeURIComponent(url.pathname);
    return url;
  } catch {
    return undefined;
  }
}

/**
 * The HTTP front: routing, body limits, the test endpoints, and the transport side of injected
 * faults (resets, hangs, 503s). Open sockets are tracked so stop() never waits on a hung request.
 */
export class SandboxHttp {
  readonly server: http.Server;
  private readonly sockets = new Set<Socket>();
  private readonly overCap = new WeakSet<Socket>();
  private readonly lanes = new WeakMap<Socket, Lane>();
  /** The `Date` header, made once per second of the sandbox clock. */
  private dateSecond = NaN;
  private dateText = '';
  private served = 0;
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopping = false;

  constructor(
    private readonly deps: HttpDeps,
    limits: { requestTimeoutMs: number; keepAliveTimeoutMs: number; maxConnections: number },
  ) {
    this.server = http.createServer({
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: Math.min(20_000, limits.requestTimeoutMs),
      keepAliveTimeout: limits.keepAliveTimeoutMs,
    });
    this.server.maxHeadersCount = 100;
    // Each connection holds at most one request body (maxBodyBytes) at a time, and at most
    // maxConnections connections are served, so memory has a bound. Node's server.maxConnections
    // would reset the extra sockets silently; here their requests get a 503 with Retry-After and
    // are never read or applied, and a socket that sends nothing is closed after a few seconds.
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      if (this.served >= limits.maxConnections) {
        this.overCap.add(socket);
        socket.setTimeout(OVER_CAP_IDLE_MS, () => socket.destroy());
        socket.on('close', () => this.sockets.delete(socket));
        return;
      }
      this.served++;
      socket.on('close', () => {
        this.served--;
        this.sockets.delete(socket);
      });
    });
    this.server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
      if (err.code === 'ECONNRESET' || !socket.writable) {
        socket.destroy();
        return;
      }
      const status =
        err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? '408 Request Timeout'
          : err.code === 'HPE_HEADER_OVERFLOW'
            ? '431 Request Header Fields Too Large'
            : '400 Bad Request';
      this.deps.stats.rejected(Number(status.slice(0, 3)));
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    });
    this.server.on('request', (req, res) => {
      if (this.overCap.has(req.socket)) {
        return this.reject(res, 503, 'Too many connections to the sandbox; retry in a moment', [
          'connection',
          'close',
          'retry-after',
          '1',
        ]);
      }
      this.enqueue(req, res);
    });
  }

  /**
   * One request at a time per connection: a pipelined request waits, unread (so at most a socket
   * buffer of it is in memory), until the one before it has been answered. A request that hangs
   * therefore holds back the rest of its connection, which is what a real hung server does too,
   * and none of them is applied unseen. Nothing is allocated for the usual unpipelined request.
   */
  private enqueue(req: http.IncomingMessage, res: http.ServerResponse): void {
    const socket = req.socket;
    let lane = this.lanes.get(socket);
    if (!lane) {
      lane = { current: undefined, queue: [], waiting: false };
      this.lanes.set(socket, lane);
    }
    const start = (): void => {
      // The client left while this request waited: it was never started, so it is not applied.
      if (socket.destroyed) return;
      (lane as Lane).current = res;
      this.serve(req, res);
    };
    if (lane.current === undefined || (answered(lane.current) && lane.queue.length === 0)) {
      start();
      return;
    }
    lane.queue.push(start);
    this.waitForTurn(lane);
  }

  private waitForTurn(lane: Lane): void {
    const current = lane.current;
    if (lane.waiting || current === undefined) return;
    if (answered(current)) {
      this.advance(lane);
      return;
    }
    lane.waiting = true;
    current.once('close', () => {
      lane.waiting = false;
      this.advance(lane);
    });
  }

  private advance(lane: Lane): void {
    while (lane.queue.length > 0) {
      const current = lane.current;
      if (current !== undefined && !answered(current)) {
        this.waitForTurn(lane);
        return;
      }
      const next = lane.queue.shift() as () => void;
      lane.current = undefined;
      next();
    }
  }

  private serve(req: http.IncomingMessage, res: http.ServerResponse): void {
    try {
      this.route(req, res);
    } catch {
      this.internalError(res);
    }
  }

  private internalError(res: http.ServerResponse): void {
    if (!res.headersSent) this.send(res, 500, 'text/plain; charset=utf-8', 'Internal error\n');
    else res.destroy();
  }

  /** Answers with the sandbox clock's `Date` (clients measure their skew from it). */
  private send(
    res: http.ServerResponse,
    status: number,
    type: string,
    body: string | Buffer,
    extra?: ExtraHeaders,
  ): void {
    if (res.headersSent || res.destroyed) return;
    const now = this.deps.now();
    const second = Math.floor(now / 1000);
    if (second !== this.dateSecond) {
      this.dateSecond = second;
      this.dateText = new Date(now).toUTCString();
    }
    const headers = [
      'date',
      this.dateText,
      'content-type',
      type,
      'content-length',
      String(Buffer.byteLength(body)),
    ];
    if (extra) headers.push(...extra);
    res.writeHead(status, headers);
    res.end(body);
  }

  private sendJson(res: http.ServerResponse, status: number, value: unknown): void {
    this.send(res, status, 'application/json; charset=utf-8', JSON.stringify(value, null, 2));
  }

  private wait = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });

  private reject(res: http.ServerResponse, status: number, message: string, extra?: ExtraHeaders): void {
    this.deps.stats.rejected(status);
    this.send(res, status, 'text/plain; charset=utf-8', `${message}\n`, extra);
  }

  private route(req: http.IncomingMessage, res: http.ServerResponse): void {
    // The SOAP endpoint itself, as every client calls it, needs no URL parsing.
    if (req.url === SOAP_PATH && req.method === 'POST') return this.soap(req, res);
    const url = parseTarget(req.url ?? '/');
    if (!url) return this.reject(res, 400, 'Malformed request URL (bad percent-encoding)');
    const path = url.pathname;
    if (path === SOAP_PATH || path === SOAP_PATH.slice(0, -1)) {
      if (req.method === 'POST') return this.soap(req, res);
      // PHP's SoapServer serves the WSDL for a GET whose query is exactly "wsdl" (any case) and
      // ignores every other non-POST request (an empty 200), as the live service does.
      if (req.method === 'GET' && url.search.toLowerCase() === '?wsdl') {
        return this.send(res, 200, XML_TYPE, this.deps.wsdl());
      }
      return this.ignored(req, res, 'only POST (SOAP calls) and GET ?wsdl (the WSDL) are served here');
    }
    if (path === '/__sandbox/stats') {
      if (req.method !== 'GET') return this.reject(res, 405, 'Method not allowed', ['allow', 'GET']);
      return this.sendJson(res, 200, this.deps.stats.snapshot());
    }
    if (path === '/__sandbox/stats/reset') {
      if (req.method !== 'POST') return this.reject(res, 405, 'Method not allowed', ['allow', 'POST']);
      this.deps.stats.reset();
      return this.sendJson(res, 200, { reset: true });
    }
    if (path === '/__sandbox/sessions/expire') {
      if (req.method !== 'POST') return this.reject(res, 405, 'Method not allowed', ['allow', 'POST']);
      return this.sendJson(res, 200, { expired: this.deps.expireAllSessions() });
    }
    const customers = /^\/__sandbox\/customers\/([^/]+)$/.exec(path);
    if (customers) {
      if (req.method !== 'GET') return this.reject(res, 405, 'Method not allowed', ['allow', 'GET']);
      const dump = this.deps.customersOf(decodeURIComponent(customers[1])); // checked by parseTarget
      if (dump === undefined) return this.reject(res, 404, 'Unknown merchant');
      return this.sendJson(res, 200, dump);
    }
    return this.reject(res, 404, 'Not found');
  }

  /**
   * A request PHP's SoapServer::handle() never reads, answered as PHP does: HTTP 200, an empty
   * text/html body. The x-sandbox-note header (invisible to SOAP clients) tells a human why.
   */
  private ignored(req: http.IncomingMessage, res: http.ServerResponse, why: string): void {
    this.deps.stats.rejected(200);
    req.resume();
    this.send(res, 200, 'text/html; charset=UTF-8', '', [
      'x-sandbox-note',
      `ignored, as PHP's SoapServer ignores it: ${why}`,
    ]);
  }

  private soap(req: http.IncomingMessage, res: http.ServerResponse): void {
    // PHP reads no POST body without a Content-Type, nor a multipart/form-data one (PHP's own
    // form parser takes it), so SoapServer::handle() answers nothing at all.
    const type = req.headers['content-type'];
    if (type === undefined) return this.ignored(req, res, 'a POST without a Content-Type header');
    if (/^\s*multipart\/form-data\s*(;|$)/i.test(type)) {
      return this.ignored(req, res, 'a multipart/form-data POST (send text/xml)');
    }
    readBody(req, this.deps.maxBodyBytes, (err, body) => {
      if (err) {
        if (err instanceof BodyTooLarge) {
          // Stop reading the rest; the connection is not reusable after an unread body.
          this.reject(res, 413, `Request body larger than ${this.deps.maxBodyBytes} bytes`, [
            'connection',
            'close',
          ]);
          req.resume();
          return;
        }
        res.destroy();
        return;
      }
      let outcome: SoapOutcome | Promise<SoapOutcome>;
      try {
        outcome = this.deps.service.handle(
          { body: body as Buffer, contentType: req.headers['content-type'] },
          this.wait,
        );
      } catch {
        this.internalError(res);
        return;
      }
      if (outcome instanceof Promise) {
        outcome.then(
          (o) => this.answer(req, res, o),
          () => this.internalError(res),
        );
      } else this.answer(req, res, outcome);
    });
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse, outcome: SoapOutcome): void {
    if (this.stopping) return;
    switch (outcome.kind) {
      case 'respond':
        return this.send(res, outcome.status, XML_TYPE, outcome.body);
      case 'http503':
        return this.send(
          res,
          503,
          'text/html; charset=utf-8',
          '<html><head><title>503 Service Unavailable</title></head><body><h1>Service Unavailable</h1></body></html>\n',
          ['retry-after', '1'],
        );
      case 'reset': {
        const socket = req.socket as Socket & { resetAndDestroy?: () => Socket };
        if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
        else socket.destroy();
        return;
      }
      case 'hang':
        // Never answered: the socket stays open until the client gives up or stop() destroys it.
        return;
    }
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        const address = this.server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  /** Closes the listener and every open connection, hung ones included. Idempotent. */
  close(): Promise<void> {
    this.stopping = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    return new Promise((resolve) => {
      if (!this.server.listening) {
        for (const s of this.sockets) s.destroy();
        resolve();
        return;
      }
      this.server.close(() => resolve());
      this.server.closeAllConnections();
      for (const s of this.sockets) s.destroy();
    });
  }
}
