import { AuthenticationError, TransientError } from '../../src/client/errors';
import { SessionManager, type Login, type LoginReason } from '../../src/client/session';

/**
 * The session state machine on its own, driven by a scripted login. Login retries belong to the
 * client's attempt pipeline (covered over real HTTP in sandbox-resilience and timeouts-tls).
 */
function setup(script: (n: number) => 'ok' | Error) {
  let now = 0;
  let n = 0;
  const reasons: LoginReason[] = [];
  const login: Login = async (reason) => {
    reasons.push(reason);
    await new Promise((r) => setImmediate(r));
    const out = script(++n);
    if (out !== 'ok') throw out;
    return { sessionId: `session-${n}`, sentAt: now };
  };
  const manager = new SessionManager(
    login,
    { ttlMs: 600_000, renewMarginMs: 60_000, authFailureCooldownMs: 30_000 },
    () => now,
  );
  return { manager, reasons, advance: (ms: number) => (now += ms) };
}

describe('SessionManager', () => {
  it('logs in once for many concurrent callers (single flight)', async () => {
    const { manager, reasons } = setup(() => 'ok');
    const sessions = await Promise.all(Array.from({ length: 100 }, () => manager.acquire()));
    expect(reasons).toEqual(['initial']);
    expect(new Set(sessions.map((s) => s.id))).toEqual(new Set(['session-1']));
    expect(manager.logins).toBe(1);
  });

  it('renews proactively inside the safety margin, before the expiry', async () => {
    const { manager, advance, reasons } = setup(() => 'ok');
    expect((await manager.acquire()).id).toBe('session-1');
    advance(539_999);
    expect((await manager.acquire()).id).toBe('session-1');
    advance(1);
    expect((await manager.acquire()).id).toBe('session-2');
    expect(manager.renewals).toBe(1);
    expect(reasons).toEqual(['initial', 'renewal']);
  });

  it('after a session fault, all callers of the dead session share one re-login', async () => {
    const { manager, reasons } = setup(() => 'ok');
    const first = await manager.acquire();
    for (let i = 0; i < 10; i++) manager.invalidate(first);
    const again = await Promise.all(Array.from({ length: 10 }, () => manager.acquire()));
    expect(reasons).toEqual(['initial', 'session-fault']);
    expect(again.every((s) => s.id === 'session-2')).toBe(true);
    // A late invalidate for the old session must not drop the new one.
    manager.invalidate(first);
    expect((await manager.acquire()).id).toBe('session-2');
    expect(manager.recoveries).toBe(1);
  });

  it('fails fast during the cooldown after bad credentials, then tries again', async () => {
    const { manager, reasons, advance } = setup(
      () => new AuthenticationError('login: FORBIDDEN: Invalid hash provided', { operation: 'login' }),
    );
    await expect(manager.acquire()).rejects.toBeInstanceOf(AuthenticationError);
    await expect(manager.acquire()).rejects.toBeInstanceOf(AuthenticationError);
    expect(reasons).toHaveLength(1);
    advance(30_000);
    await expect(manager.acquire()).rejects.toBeInstanceOf(AuthenticationError);
    expect(reasons).toHaveLength(2);
  });

  it('does not remember other login failures: the next call logs in again', async () => {
    const { manager, reasons } = setup((n) =>
      n === 1 ? new TransientError('login: HTTP 503', { operation: 'login', attempts: 3 }) : 'ok',
    );
    await expect(manager.acquire()).rejects.toBeInstanceOf(TransientError);
    expect((await manager.acquire()).id).toBe('session-2');
    expect(reasons).toEqual(['initial', 'initial']);
  });
});
