import { AuthenticationError, TransientError } from '../../src/client/errors';
import type { ClassifiedError } from '../../src/client/error-factory';
import { loginHash, type HashAlgorithm, type LoginCredentials } from '../../src/client/hash';
import { Redactor } from '../../src/client/redact';
import { RetryStrategy, defaultRetryOptions } from '../../src/client/retry-strategy';
import { SessionManager, type LoginAttempt } from '../../src/client/session';

/**
 * The session state machine on its own, driven by a scripted login function. The same behaviour
 * over real HTTP against the sandbox is covered in client.sandbox.test.ts.
 */
function setup(
  script: (creds: LoginCredentials, attempt: number) => 'ok' | ClassifiedError,
  hashAlgorithm: HashAlgorithm = 'sha256',
) {
  let now = 0;
  let wall = Date.UTC(2026, 0, 1);
  const seen: LoginCredentials[] = [];
  let n = 0;
  const sendLogin: LoginAttempt = async (creds, attempt) => {
    seen.push(creds);
    await new Promise((r) => setImmediate(r));
    const out = script(creds, attempt);
    return out === 'ok' ? { ok: true, sessionId: `session-${++n}` } : { ok: false, failure: out };
  };
  const manager = new SessionManager({
    merchantCode: 'M',
    secretKey: 'K',
    hashAlgorithm,
    clock: () => new Date((wall += 1000)),
    now: () => now,
    timing: { ttlMs: 600_000, renewMarginMs: 60_000, authFailureCooldownMs: 30_000 },
    retry: new RetryStrategy(defaultRetryOptions, () => 0),
    redactor: new Redactor(['K']),
    sleep: async () => undefined,
    loginDeadlineMs: 10_000,
    sendLogin,
  });
  return { manager, seen, advance: (ms: number) => (now += ms) };
}

const transient = (): ClassifiedError => ({
  error: new TransientError('login: HTTP 503', { operation: 'login' }),
  notApplied: false,
});

describe('SessionManager', () => {
  it('logs in once for many concurrent callers (single flight)', async () => {
    const { manager, seen } = setup(() => 'ok');
    const sessions = await Promise.all(Array.from({ length: 100 }, () => manager.acquire()));
    expect(seen).toHaveLength(1);
    expect(new Set(sessions.map((s) => s.id))).toEqual(new Set(['session-1']));
    expect(manager.logins).toBe(1);
  });

  it('renews proactively inside the safety margin, before the expiry', async () => {
    const { manager, advance } = setup(() => 'ok');
    expect((await manager.acquire()).id).toBe('session-1');
    advance(539_999);
    expect((await manager.acquire()).id).toBe('session-1');
    advance(1);
    expect((await manager.acquire()).id).toBe('session-2');
    expect(manager.renewals).toBe(1);
  });

  it('after a session fault, all callers of the dead session share one re-login', async () => {
    const { manager, seen } = setup(() => 'ok');
    const first = await manager.acquire();
    for (let i = 0; i < 10; i++) manager.invalidate(first);
    const again = await Promise.all(Array.from({ length: 10 }, () => manager.acquire()));
    expect(seen).toHaveLength(2);
    expect(again.every((s) => s.id === 'session-2')).toBe(true);
    // A late invalidate for the old session must not drop the new one.
    manager.invalidate(first);
    expect((await manager.acquire()).id).toBe('session-2');
    expect(manager.recoveries).toBe(1);
  });

  it('retries a login on transient errors with a fresh date and hash each time', async () => {
    const { manager, seen } = setup((_c, attempt) => (attempt < 3 ? transient() : 'ok'));
    expect((await manager.acquire()).id).toBe('session-1');
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map((c) => c.date)).size).toBe(3);
    expect(new Set(seen.map((c) => c.hash)).size).toBe(3);
    for (const c of seen) {
      expect(c.algo).toBe('sha256');
      expect(c.hash).toBe(loginHash('M', c.date, 'K', 'sha256'));
    }
  });

  it.each(['sha3-256', 'md5'] as const)('logs in with the configured algorithm (%s)', async (algorithm) => {
    const { manager, seen } = setup(() => 'ok', algorithm);
    await manager.acquire();
    expect(seen).toHaveLength(1);
    expect(seen[0].hash).toBe(loginHash('M', seen[0].date, 'K', algorithm));
    // md5 is the 3-part login: no algo part at all.
    expect(Object.keys(seen[0])).toEqual(
      algorithm === 'md5' ? ['merchantCode', 'date', 'hash'] : ['merchantCode', 'date', 'hash', 'algo'],
    );
  });

  it('fails at once on bad credentials and fails fast during the cooldown, without looping', async () => {
    const auth = (): ClassifiedError => ({
      error: new AuthenticationError('login: FORBIDDEN: Invalid hash provided', { operation: 'login' }),
      notApplied: true,
    });
    const { manager, seen, advance } = setup(auth);
    await expect(manager.acquire()).rejects.toBeInstanceOf(AuthenticationError);
    expect(seen).toHaveLength(1);
    await expect(manager.acquire()).rejects.toBeInstanceOf(AuthenticationError);
    expect(seen).toHaveLength(1);
    advance(30_000);
    await expect(manager.acquire()).rejects.toBeInstanceOf(AuthenticationError);
    expect(seen).toHaveLength(2);
  });

  it('gives up after maxAttempts transient login failures', async () => {
    const { manager, seen } = setup(() => transient());
    await expect(manager.acquire()).rejects.toBeInstanceOf(TransientError);
    expect(seen).toHaveLength(defaultRetryOptions.maxAttempts);
  });
});
