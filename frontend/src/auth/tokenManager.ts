// The access token lives here, in memory only: never localStorage, so a script injected into
// the page cannot carry it off after the tab closes. The refresh token stays in its httpOnly
// cookie; renewing goes through `/auth/refresh` before expiry and whenever the API says 401.

import { refreshDelayMs } from './schedule';
import type { AccessGrant, AuthTransport } from './transport';

export type SessionState = 'unknown' | 'signedIn' | 'signedOut';

/**
 * Runs `task` while holding a lock shared by every tab of this origin. Refresh tokens rotate
 * and a spent one revokes the whole session, so two tabs must never refresh at the same time.
 */
export type ExclusiveRunner = <T>(task: () => Promise<T>) => Promise<T>;

export const browserLock: ExclusiveRunner = (task) => {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (locks === undefined) return task();
  return locks.request('garrison-refresh', task);
};

type Listener = (state: SessionState) => void;

export class TokenManager {
  private token: string | null = null;
  private state: SessionState = 'unknown';
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inflight: Promise<string | null> | null = null;
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly transport: AuthTransport,
    private readonly exclusive: ExclusiveRunner = browserLock,
  ) {}

  /** The current access token, or null when signed out. */
  accessToken(): string | null {
    return this.token;
  }

  sessionState(): SessionState {
    return this.state;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async signIn(email: string, password: string): Promise<void> {
    const grant = await this.transport.login(email, password);
    this.accept(grant);
  }

  /** On page load: the refresh cookie may still hold a session from before the reload. */
  async restore(): Promise<boolean> {
    return (await this.refresh()) !== null;
  }

  /**
   * A fresh access token, or null when the session is gone (and the state becomes signedOut).
   * Concurrent callers (a timer and several 401s at once) share one request.
   */
  refresh(): Promise<string | null> {
    if (this.inflight === null) {
      this.inflight = this.exclusive(() => this.transport.refresh())
        .then(
          (grant) => {
            if (grant === null) {
              this.clear();
              return null;
            }
            this.accept(grant);
            return grant.accessToken;
          },
          () => {
            // The network failed, not the session: keep the token (it may still be valid) and
            // let the next 401 or the retry timer try again.
            if (this.token !== null) this.schedule(30);
            else this.clear();
            return this.token;
          },
        )
        .finally(() => {
          this.inflight = null;
        });
    }
    return this.inflight;
  }

  async signOut(): Promise<void> {
    try {
      await this.transport.logout();
    } finally {
      this.clear();
    }
  }

  /** Stops the renewal timer (the app unmounting). */
  dispose(): void {
    this.cancelTimer();
    this.listeners.clear();
  }

  private accept(grant: AccessGrant): void {
    this.token = grant.accessToken;
    this.schedule(grant.expiresInSecs);
    this.setState('signedIn');
  }

  private clear(): void {
    this.cancelTimer();
    this.token = null;
    this.setState('signedOut');
  }

  private schedule(expiresInSecs: number): void {
    this.cancelTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.refresh();
    }, refreshDelayMs(expiresInSecs));
  }

  private cancelTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private setState(state: SessionState): void {
    // Listeners also hear a signedIn after a refresh, so views can re-read the viewer.
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}
