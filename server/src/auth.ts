/**
 * Who is asking. The server takes identity from an authenticator, never from a request body: a
 * body that names another user (`requesterId`, a decision's `by`) is refused by the rules.
 *
 * Two authenticators ship; pass your own (`(req) => userId | null`) for anything else:
 * - `hmacTokens(secret)`: `Authorization: Bearer qk1.<payload>.<signature>`, where payload is
 *   base64url JSON `{ "sub": userId, "exp": unixSeconds }` and signature is base64url
 *   HMAC-SHA256(secret, "qk1." + payload). The host's backend signs a token for its signed-in user
 *   (`sign(userId)`) and hands it to the page; the widget sends it (RestAdapter `token`).
 * - `trustedHeader(name)`: the user id in a header that a reverse proxy in front of the server sets
 *   from the host's session (e.g. `x-quotakit-user`) and strips from incoming requests. Use it only
 *   behind such a proxy; with cookies the CSRF rules of the server apply.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Returns the signed-in user's id, or null when the request carries no valid identity. */
export type Authenticator = (req: Request) => string | null | Promise<string | null>;

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

export interface HmacTokens {
  authenticate: Authenticator;
  /** A token for `userId`, valid for `ttlSeconds` (default 12 h). */
  sign(userId: string, ttlSeconds?: number): string;
}

export function hmacTokens(secret: string, now: () => number = () => Date.now()): HmacTokens {
  if (secret.length < 16) throw new Error('hmacTokens: the secret must have at least 16 characters');
  const mac = (data: string) => createHmac('sha256', secret).update(data).digest();
  return {
    sign(userId, ttlSeconds = 12 * 3600) {
      const payload = b64url(JSON.stringify({ sub: userId, exp: Math.floor(now() / 1000) + ttlSeconds }));
      return `qk1.${payload}.${b64url(mac(`qk1.${payload}`))}`;
    },
    authenticate(req) {
      const header = req.headers.get('authorization') ?? '';
      const m = /^Bearer\s+(qk1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(header);
      if (!m) return null;
      const [, payload, signature] = m[1]!.split('.') as [string, string, string];
      const expected = mac(`qk1.${payload}`);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      try {
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown; exp?: unknown };
        if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return null;
        return claims.exp * 1000 > now() ? claims.sub : null;
      } catch {
        return null;
      }
    },
  };
}

/** Identity from a header set by a trusted reverse proxy from the host's session. */
export function trustedHeader(name = 'x-quotakit-user'): Authenticator {
  return (req) => {
    const v = req.headers.get(name);
    return v && v.trim() ? v.trim() : null;
  };
}
