import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TokenManager, type ExclusiveRunner } from './tokenManager';
import type { AccessGrant, AuthTransport } from './transport';

/** A transport whose refreshes hand out numbered tokens, recording each call. */
function fakeTransport(ttlSecs = 900) {
  let issued = 0;
  const grant = (): AccessGrant => ({ accessToken: `token-${++issued}`, expiresInSecs: ttlSecs });
  const transport = {
    login: vi.fn(async () => grant()),
    refresh: vi.fn<() => Promise<AccessGrant | null>>(async () => grant()),
    logout: vi.fn(async () => undefined),
  } satisfies AuthTransport;
  return transport;
}

const noLock: ExclusiveRunner = (task) => task();

describe('TokenManager', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts unknown, and restores a session from the refresh cookie', async () => {
    const transport = fakeTransport();
    const tokens = new TokenManager(transport, noLock);
    expect(tokens.sessionState()).toBe('unknown');
    expect(await tokens.restore()).toBe(true);
    expect(tokens.sessionState()).toBe('signedIn');
    expect(tokens.accessToken()).toBe('token-1');
  });

  it('is signed out when there is no session to restore', async () => {
    const transport = fakeTransport();
    transport.refresh.mockResolvedValueOnce(null);
    const tokens = new TokenManager(transport, noLock);
    const states: string[] = [];
    tokens.subscribe((s) => states.push(s));
    expect(await tokens.restore()).toBe(false);
    expect(states).toEqual(['signedOut']);
    expect(tokens.accessToken()).toBeNull();
  });

  it('refreshes silently a minute before a 15-minute token expires, and again after that', async () => {
    const transport = fakeTransport(900);
    const tokens = new TokenManager(transport, noLock);
    await tokens.signIn('a@b.c', 'pw');
    expect(tokens.accessToken()).toBe('token-1');

    await vi.advanceTimersByTimeAsync(839_000);
    expect(transport.refresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(transport.refresh).toHaveBeenCalledTimes(1);
    expect(tokens.accessToken()).toBe('token-2');

    await vi.advanceTimersByTimeAsync(840_000);
    expect(transport.refresh).toHaveBeenCalledTimes(2);
    expect(tokens.accessToken()).toBe('token-3');
  });

  it('shares one refresh between concurrent callers', async () => {
    const transport = fakeTransport();
    const tokens = new TokenManager(transport, noLock);
    const [a, b, c] = await Promise.all([tokens.refresh(), tokens.refresh(), tokens.refresh()]);
    expect(transport.refresh).toHaveBeenCalledTimes(1);
    expect([a, b, c]).toEqual(['token-1', 'token-1', 'token-1']);
  });

  it('runs refreshes inside the cross-tab lock', async () => {
    const transport = fakeTransport();
    const order: string[] = [];
    const lock: ExclusiveRunner = async (task) => {
      order.push('lock');
      const result = await task();
      order.push('unlock');
      return result;
    };
    transport.refresh.mockImplementationOnce(async () => {
      order.push('refresh');
      return { accessToken: 't', expiresInSecs: 900 };
    });
    await new TokenManager(transport, lock).refresh();
    expect(order).toEqual(['lock', 'refresh', 'unlock']);
  });

  it('signs out when a scheduled refresh finds the session revoked', async () => {
    const transport = fakeTransport(60);
    const tokens = new TokenManager(transport, noLock);
    await tokens.signIn('a@b.c', 'pw');
    transport.refresh.mockResolvedValueOnce(null);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(tokens.sessionState()).toBe('signedOut');
    expect(tokens.accessToken()).toBeNull();
    // No timer is left to refresh a session that no longer exists.
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(transport.refresh).toHaveBeenCalledTimes(1);
  });

  it('keeps the token and retries soon when the network fails mid-session', async () => {
    const transport = fakeTransport(900);
    const tokens = new TokenManager(transport, noLock);
    await tokens.signIn('a@b.c', 'pw');
    transport.refresh.mockRejectedValueOnce(new TypeError('network down'));
    await vi.advanceTimersByTimeAsync(840_000);
    expect(tokens.sessionState()).toBe('signedIn');
    expect(tokens.accessToken()).toBe('token-1');
    await vi.advanceTimersByTimeAsync(15_000);
    expect(transport.refresh).toHaveBeenCalledTimes(2);
    expect(tokens.accessToken()).toBe('token-2');
  });

  it('signs out locally even when the server cannot be told', async () => {
    const transport = fakeTransport();
    transport.logout.mockRejectedValueOnce(new TypeError('offline'));
    const tokens = new TokenManager(transport, noLock);
    await tokens.signIn('a@b.c', 'pw');
    await expect(tokens.signOut()).rejects.toThrow('offline');
    expect(tokens.sessionState()).toBe('signedOut');
    expect(tokens.accessToken()).toBeNull();
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(transport.refresh).not.toHaveBeenCalled();
  });
});
