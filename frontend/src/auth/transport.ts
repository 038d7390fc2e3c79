// The HTTP half of authentication: the gateway's /auth endpoints. The refresh token travels
// only in the httpOnly `garrison_refresh` cookie (Path=/auth), so script never sees it; the
// JSON body's copy is ignored on purpose.

/** What the console keeps from a sign-in or refresh: the access token and its lifetime. */
export interface AccessGrant {
  accessToken: string;
  expiresInSecs: number;
}

/** A sign-in that the server refused, with what to tell the person. */
export class SignInError extends Error {
  constructor(
    message: string,
    /** Seconds to wait before trying again, when the server throttled the attempt. */
    readonly retryAfterSecs: number | null = null,
  ) {
    super(message);
    this.name = 'SignInError';
  }
}

/** The three calls the token manager needs; injected so scheduling can be tested without HTTP. */
export interface AuthTransport {
  login(email: string, password: string): Promise<AccessGrant>;
  /** A fresh grant from the refresh cookie, or null when there is no live session. */
  refresh(): Promise<AccessGrant | null>;
  logout(): Promise<void>;
}

interface TokenBody {
  access_token: string;
  expires_in: number;
}

function isTokenBody(value: unknown): value is TokenBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.access_token === 'string' && typeof v.expires_in === 'number';
}

async function grantFrom(response: Response): Promise<AccessGrant> {
  const body: unknown = await response.json();
  if (!isTokenBody(body)) throw new Error('the server answered sign-in without a token');
  return { accessToken: body.access_token, expiresInSecs: body.expires_in };
}

async function errorMessage(response: Response): Promise<string> {
  try {
    const body: unknown = await response.json();
    const error = (body as { error?: { message?: unknown } }).error;
    if (typeof error?.message === 'string') return error.message;
  } catch {
    // A body that is not JSON (a proxy's error page) gets the generic message below.
  }
  return `sign-in failed (HTTP ${response.status})`;
}

/** The transport over same-origin fetch; `fetchFn` is injectable for tests. */
export function httpTransport(fetchFn: typeof fetch = (...args) => fetch(...args)): AuthTransport {
  const post = (path: string, body?: unknown) =>
    fetchFn(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });

  return {
    async login(email, password) {
      const response = await post('/auth/login', { email, password });
      if (response.ok) return grantFrom(response);
      const retry = Number(response.headers.get('retry-after'));
      if (response.status === 429) {
        const wait = Number.isFinite(retry) && retry > 0 ? retry : null;
        throw new SignInError(
          wait === null
            ? 'Too many failed sign-ins. Try again later.'
            : `Too many failed sign-ins. Try again in ${wait} seconds.`,
          wait,
        );
      }
      if (response.status === 401) throw new SignInError('Invalid email or password.');
      throw new SignInError(await errorMessage(response));
    },
    async refresh() {
      const response = await post('/auth/refresh');
      // 401 (no cookie, or one spent, expired or revoked) means: no session to restore. Any other
      // refusal means the same to the console; there is nothing it could retry with.
      if (!response.ok) return null;
      return grantFrom(response);
    },
    async logout() {
      await post('/auth/logout');
    },
  };
}
