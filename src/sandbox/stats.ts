import type { InjectedFault } from './faults/injector';

/** Counters keyed by a fault code, an injected-fault kind or an HTTP status. */
export type Counts = Record<string, number>;

/** Counters of one operation. */
export interface OperationStats {
  /** Requests for it. */
  calls: number;
  /** Faults answered, by faultcode (injected ones included under SOAP-ENV:Server). */
  faults: Counts;
  /** Injected faults and delays, by kind. */
  injected: Counts;
}

/** Logins by the algorithm they named: sha256, sha3-256, md5 (no algo), unknown (refused). */
export type AlgorithmCounts = Partial<Record<'sha256' | 'sha3-256' | 'md5' | 'unknown', number>>;

/** Counters of one merchant (known merchant codes only). */
export interface MerchantStats {
  /** Requests made with its sessions or for its login. */
  calls: number;
  /** Successful logins. */
  logins: number;
  /** Refused logins (wrong hash, date outside the window). */
  failedLogins: number;
  /** Successful logins by algorithm. */
  loginsByAlgorithm: AlgorithmCounts;
  /** Faults answered, by faultcode. */
  faults: Counts;
  /** Injected faults and delays, by kind. */
  injected: Counts;
  /** Requests refused with TOO_MANY_REQUESTS. */
  rateLimited: number;
}

/** The sandbox's counters (`GET /__sandbox/stats`, `sandbox.stats()`). Never keys, hashes or sessions. */
export interface SandboxStats {
  /** When counting started (start or last reset), ISO 8601. */
  since: string;
  /** SOAP requests that decoded to an operation. */
  calls: number;
  /** Successful logins. */
  logins: number;
  /** Refused logins, unknown merchants included. */
  failedLogins: number;
  /** Successful logins by algorithm. */
  loginsByAlgorithm: AlgorithmCounts;
  /** Refused logins by the algorithm they named (md5 counts the refused 3-part logins). */
  failedLoginsByAlgorithm: AlgorithmCounts;
  /** Faults answered, by faultcode. */
  faults: Counts;
  /** Injected faults and delays, by kind. */
  injected: Record<InjectedFault | 'latency', number>;
  /** Requests refused before any operation: bad XML, too large, wrong path or method… by HTTP status. */
  rejected: Counts;
  /** Per operation (`(undecoded)` for requests that did not decode). */
  operations: Record<string, OperationStats>;
  /** Per merchant code. */
  merchants: Record<string, MerchantStats>;
}

function bump(counts: Counts, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** Counters for tests and benchmarks. Merchant codes only: never keys, hashes or sessions. */
export class StatsRecorder {
  private stats!: SandboxStats;

  constructor(private readonly now: () => number) {
    this.reset();
  }

  reset(): void {
    this.stats = {
      since: new Date(this.now()).toISOString(),
      calls: 0,
      logins: 0,
      failedLogins: 0,
      loginsByAlgorithm: {},
      failedLoginsByAlgorithm: {},
      faults: {},
      injected: { latency: 0, hang: 0, reset: 0, http500: 0, http503: 0 },
      rejected: {},
      operations: {},
      merchants: {},
    };
  }

  snapshot(): SandboxStats {
    return JSON.parse(JSON.stringify(this.stats)) as SandboxStats;
  }

  private op(name: string): OperationStats {
    return (this.stats.operations[name] ??= { calls: 0, faults: {}, injected: {} });
  }

  private merchant(code: string): MerchantStats {
    return (this.stats.merchants[code] ??= {
      calls: 0,
      logins: 0,
      failedLogins: 0,
      loginsByAlgorithm: {},
      faults: {},
      injected: {},
      rateLimited: 0,
    });
  }

  call(operation: string): void {
    this.stats.calls += 1;
    this.op(operation).calls += 1;
  }

  merchantCall(merchant: string): void {
    this.merchant(merchant).calls += 1;
  }

  /** `merchant` is undefined for an unknown merchant code (not recorded, so codes cannot flood the stats). */
  login(merchant: string | undefined, ok: boolean, algorithm: keyof AlgorithmCounts): void {
    if (ok) {
      this.stats.logins += 1;
      bump(this.stats.loginsByAlgorithm, algorithm);
    } else {
      this.stats.failedLogins += 1;
      bump(this.stats.failedLoginsByAlgorithm, algorithm);
    }
    if (merchant === undefined) return;
    const m = this.merchant(merchant);
    if (ok) {
      m.logins += 1;
      bump(m.loginsByAlgorithm, algorithm);
    } else m.failedLogins += 1;
  }

  fault(operation: string, merchant: string | undefined, code: string): void {
    bump(this.stats.faults, code);
    bump(this.op(operation).faults, code);
    if (merchant !== undefined) bump(this.merchant(merchant).faults, code);
  }

  rateLimited(merchant: string): void {
    this.merchant(merchant).rateLimited += 1;
  }

  injected(operation: string, merchant: string | undefined, kind: InjectedFault | 'latency'): void {
    this.stats.injected[kind] += 1;
    bump(this.op(operation).injected, kind);
    if (merchant !== undefined) bump(this.merchant(merchant).injected, kind);
  }

  rejected(status: number): void {
    bump(this.stats.rejected, String(status));
  }
}
