import { claimedAlgorithm } from './auth/login-hash';
import type { SessionRegistry } from './auth/sessions';
import type { FaultInjector, InjectionPlan } from './faults/injector';
import type { RateLimiter } from './faults/rate-limiter';
import { SoapFault } from './faults/soap-fault';
import { login } from './ops/login';
import { HANDLERS } from './ops/table';
import type { StatsRecorder } from './stats';
import type { SandboxStore } from './store/store';
import { decodeBody } from './xml/decode-body';
import { decodeRequest, operationDef, type OperationName } from './xml/decode-request';
import { encodeFault, encodeResponse } from './xml/encode-response';
import type { SoapValue } from './xml/values';

export interface ServiceDeps {
  store: SandboxStore;
  sessions: SessionRegistry;
  stats: StatsRecorder;
  injector?: FaultInjector;
  rateLimiter?: RateLimiter;
  secretKeyOf(merchant: string): string | undefined;
  loginWindowMs: number;
  allowMd5: boolean;
  now(): number;
  log(line: string): void;
}

/** What the HTTP layer does with one SOAP request. */
export type SoapOutcome =
  | { kind: 'respond'; status: number; body: string }
  | { kind: 'hang' }
  | { kind: 'reset' }
  | { kind: 'http503' };

const SESSION_FAULT = 'Invalid hash provided or session expired';
const NO_INJECTION: InjectionPlan = { delayMs: 0, timing: 'after' };

export class SoapService {
  constructor(private readonly deps: ServiceDeps) {}

  /**
   * Decodes, applies fault injection and the operation, and encodes the answer. Synchronous unless
   * a delay is injected (a promise then), so the usual request costs no extra turns of the loop.
   */
  handle(
    request: { body: Buffer; contentType?: string },
    wait: (ms: number) => Promise<void>,
  ): SoapOutcome | Promise<SoapOutcome> {
    let decoded;
    try {
      decoded = decodeRequest(decodeBody(request.body, request.contentType));
    } catch (err) {
      const fault = asFault(err, this.deps.log);
      this.deps.stats.fault('(undecoded)', undefined, fault.code);
      return { kind: 'respond', status: 500, body: encodeFault(fault.code, fault.message) };
    }
    const { operation, args } = decoded;
    const { stats } = this.deps;
    stats.call(operation);
    const plan: InjectionPlan = this.deps.injector?.plan(operation) ?? NO_INJECTION;
    const merchantHint = this.merchantOf(operation, args);
    if (plan.delayMs > 0) {
      stats.injected(operation, merchantHint, 'latency');
      return wait(plan.delayMs).then(() => this.apply(operation, args, plan, merchantHint));
    }
    return this.apply(operation, args, plan, merchantHint);
  }

  private apply(
    operation: OperationName,
    args: Record<string, SoapValue | undefined>,
    plan: InjectionPlan,
    merchantHint: string | undefined,
  ): SoapOutcome {
    const { stats } = this.deps;
    if (plan.fault) stats.injected(operation, merchantHint, plan.fault);
    if (plan.fault === 'hang') return { kind: 'hang' };
    if (plan.fault === 'http503') return { kind: 'http503' };
    const injectedFailure = (): SoapOutcome =>
      plan.fault === 'reset'
        ? { kind: 'reset' }
        : {
            kind: 'respond',
            status: 500,
            body: encodeFault('SOAP-ENV:Server', 'Internal server error (injected by the sandbox)'),
          };
    if (plan.fault && plan.timing === 'before') return injectedFailure();

    let merchant: string | undefined;
    let body: string;
    let status = 200;
    try {
      const result = this.run(operation, args);
      merchant = result.merchant;
      const out = operationDef(operation).output;
      body = encodeResponse(operation, out.name, out.type, result.value);
    } catch (err) {
      const fault = asFault(err, this.deps.log);
      merchant = fault instanceof FaultWithMerchant ? fault.merchant : merchantHint;
      stats.fault(operation, merchant, fault.code);
      body = encodeFault(fault.code, fault.message);
      status = 500;
    }
    this.deps.log(`${operation} merchant=${merchant ?? '-'} status=${status}`);
    if (plan.fault) return injectedFailure();
    return { kind: 'respond', status, body };
  }

  /** A known merchant the request is for (for stats), without failing. */
  private merchantOf(operation: OperationName, args: Record<string, unknown>): string | undefined {
    if (operation === 'login') {
      const code = args.merchantCode;
      return typeof code === 'string' && this.deps.secretKeyOf(code) !== undefined ? code : undefined;
    }
    return typeof args.sessionID === 'string' ? this.deps.sessions.resolve(args.sessionID) : undefined;
  }

  private run(
    operation: OperationName,
    args: Parameters<(typeof HANDLERS)['createCustomer']>[1],
  ): { merchant: string; value: ReturnType<(typeof HANDLERS)['createCustomer']> } {
    const { stats } = this.deps;
    if (operation === 'login') {
      const code = typeof args.merchantCode === 'string' ? args.merchantCode : '';
      const known = this.deps.secretKeyOf(code) !== undefined;
      if (known) this.limit(code);
      try {
        const outcome = login(
          {
            secretKeyOf: this.deps.secretKeyOf,
            sessions: this.deps.sessions,
            windowMs: this.deps.loginWindowMs,
            allowMd5: this.deps.allowMd5,
            now: this.deps.now,
          },
          args,
        );
        stats.merchantCall(outcome.merchant);
        stats.login(outcome.merchant, true, outcome.algorithm);
        return { merchant: outcome.merchant, value: outcome.sessionId };
      } catch (err) {
        if (known) stats.merchantCall(code);
        stats.login(known ? code : undefined, false, claimedAlgorithm(args.algo).kind);
        throw err;
      }
    }
    const sessionId = typeof args.sessionID === 'string' ? args.sessionID : '';
    const merchant = sessionId === '' ? undefined : this.deps.sessions.resolve(sessionId);
    if (merchant === undefined) throw new SoapFault('FORBIDDEN', SESSION_FAULT);
    stats.merchantCall(merchant);
    try {
      this.limit(merchant);
      const handler = HANDLERS[operation];
      const ctx = { store: this.deps.store, merchant, now: this.deps.now };
      return { merchant, value: this.deps.store.transaction(() => handler(ctx, args)) };
    } catch (err) {
      throw err instanceof SoapFault ? new FaultWithMerchant(err.code, err.message, merchant) : err;
    }
  }

  private limit(merchant: string): void {
    const limiter = this.deps.rateLimiter;
    if (limiter && !limiter.take(merchant)) {
      this.deps.stats.rateLimited(merchant);
      throw new SoapFault(
        'TOO_MANY_REQUESTS',
        `Too many requests: more than ${limiter.requestsPerSecond} per second for this merchant`,
      );
    }
  }
}

class FaultWithMerchant extends SoapFault {
  constructor(
    code: string,
    message: string,
    readonly merchant: string,
  ) {
    super(code, message);
  }
}

/** Unexpected errors become a bland Server fault: internals stay in the log, not on the wire. */
function asFault(err: unknown, log: (line: string) => void): SoapFault {
  if (err instanceof SoapFault) return err;
  log(`internal error: ${err instanceof Error ? err.message : String(err)}`);
  return new SoapFault('SOAP-ENV:Server', 'Internal error');
}
