import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A returning commenter is one whose browser holds proof of an approved comment of theirs:
 * a signed cookie naming that comment and bound to their email address. Knowing someone's
 * address is not enough to skip moderation (docs/decisions/012). The cookie's name lives in
 * ./limits, which the browser's form also reads.
 */

const mac = (id: number, email: string, secret: string) =>
  createHmac('sha256', secret).update(`commenter:${id}:${email}`).digest('base64url');

export function signCommenter(id: number, email: string, secret: string): string {
  return `${id}.${mac(id, email, secret)}`;
}

/** The comment id a proof names, if it was signed here for this email; anything else, none. */
export function commenterId(
  proof: string | undefined,
  email: string,
  secret: string,
): number | undefined {
  if (!proof || proof.length > 80) return undefined;
  const match = /^(\d{1,12})\.([\w-]{43})$/.exec(proof);
  if (!match) return undefined;
  const id = Number(match[1]);
  const given = Buffer.from(match[2] ?? '');
  const expected = Buffer.from(mac(id, email, secret));
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : undefined;
}
