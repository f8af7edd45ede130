import { randomBytes } from 'node:crypto';

interface Session {
  merchant: string;
  expiresAt: number;
}

/**
 * Session IDs (32 random hex characters) with an absolute lifetime from login. Kept in memory
 * only, also with `--db`: a restarted sandbox forgets its sessions, as a restarted service would.
 */
export class SessionRegistry {
  private readonly sessions = new Map<string, Session>();
  /** Pruning is amortized: only when the map has doubled since the last prune. */
  private pruneAt = 10_000;

  constructor(
    private ttlMs: number,
    private readonly now: () => number,
  ) {}

  setTtl(ttlMs: number): void {
    this.ttlMs = ttlMs;
  }

  open(merchant: string): string {
    if (this.sessions.size >= this.pruneAt) {
      this.prune();
      this.pruneAt = Math.max(10_000, this.sessions.size * 2);
    }
    const id = randomBytes(16).toString('hex');
    this.sessions.set(id, { merchant, expiresAt: this.now() + this.ttlMs });
    return id;
  }

  /** The merchant a live session belongs to; undefined when unknown or expired. */
  resolve(id: string): string | undefined {
    const session = this.sessions.get(id);
    if (!session) return undefined;
    if (this.now() >= session.expiresAt) {
      this.sessions.delete(id);
      return undefined;
    }
    return session.merchant;
  }

  expireAll(): number {
    const n = this.sessions.size;
    this.sessions.clear();
    return n;
  }

  active(): number {
    this.prune();
    return this.sessions.size;
  }

  private prune(): void {
    const now = this.now();
    for (const [id, s] of this.sessions) if (now >= s.expiresAt) this.sessions.delete(id);
  }
}
