import { createHmac, timingSafeEqual } from 'node:crypto';

/** Bots post instantly; people take a few seconds to write. A day-old form is stale. */
export const TOKEN_MIN_AGE_MS = 3_000;
export const TOKEN_MAX_AGE_MS = 24 * 60 * 60 * 1000;

const sign = (payload: string, secret: string) =>
  createHmac('sha256', secret).update(`form:${payload}`).digest('base64url');

/** A token recording when the form was rendered, signed so it cannot be back-dated. */
export function issueToken(secret: string, now = Date.now()): string {
  const payload = String(now);
  return `${payload}.${sign(payload, secret)}`;
}

export type TokenCheck = { ok: true } | { ok: false; reason: 'invalid' | 'too-fast' | 'expired' };

export function checkToken(token: string, secret: string, now = Date.now()): TokenCheck {
  const [payload = '', signature = ''] = token.split('.');
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (
    !/^\d+$/.test(payload) ||
    given.length !== expected.length ||
    !timingSafeEqual(given, expected)
  ) {
    return { ok: false, reason: 'invalid' };
  }
  const age = now - Number(payload);
  if (age < TOKEN_MIN_AGE_MS) return { ok: false, reason: 'too-fast' };
  if (age > TOKEN_MAX_AGE_MS) return { ok: false, reason: 'expired' };
  return { ok: true };
}
