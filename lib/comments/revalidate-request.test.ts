import { signBody } from '../publish/signature';
import { createThrottle } from '../security/throttle';
import {
  answerRevalidate,
  MAX_SLUGS,
  REVALIDATE_HEADER,
  revalidateBody,
} from './revalidate-request';

const SECRET = 'the comments secret, long enough';
const NOW = Date.UTC(2026, 11, 3);
const ARTICLES: Record<string, string> = { story: '/world/story', other: '/uk/other' };

function deps() {
  const revalidated: string[] = [];
  return {
    revalidated,
    secret: SECRET,
    throttle: createThrottle(),
    network: 'n',
    urlOf: (slug: string) => (Object.hasOwn(ARTICLES, slug) ? ARTICLES[slug] : undefined),
    revalidate: (path: string) => void revalidated.push(path),
    now: NOW,
  };
}
const signed = (body: string, secret = SECRET) =>
  new Headers({ [REVALIDATE_HEADER]: signBody(body, secret) });

describe('answerRevalidate', () => {
  it('refreshes the articles named, once each, and nothing that is not an article', async () => {
    const d = deps();
    const body = revalidateBody(['story', 'story', 'other', '../../admin', '__proto__'], NOW);
    const response = await answerRevalidate(body, signed(body), d);
    expect(response.status).toBe(200);
    expect(d.revalidated).toEqual(['/world/story', '/uk/other']);
  });

  it.each([
    ['no signature', new Headers()],
    ['another key', signed(revalidateBody(['story'], NOW), 'a guessed secret value')],
    ['a signature of 10,000 characters', new Headers({ [REVALIDATE_HEADER]: 'f'.repeat(10_000) })],
  ])('refuses %s and refreshes nothing', async (_, headers) => {
    const d = deps();
    expect((await answerRevalidate(revalidateBody(['story'], NOW), headers, d)).status).toBe(401);
    expect(d.revalidated).toEqual([]);
  });

  it.each([
    ['not JSON', 'story'],
    ['a replay from last week', revalidateBody(['story'], NOW - 7 * 86_400_000)],
    ['no slugs', revalidateBody([], NOW)],
    ['too many slugs', revalidateBody(Array<string>(MAX_SLUGS + 1).fill('story'), NOW)],
    ['a slug that is not a string', JSON.stringify({ slugs: [{ toString: 1 }], sentAt: NOW })],
    ['null', 'null'],
  ])('refuses a signed body with %s', async (_, body) => {
    const d = deps();
    expect((await answerRevalidate(body, signed(body), d)).status).toBe(400);
    expect(d.revalidated).toEqual([]);
  });

  it('makes a network that keeps guessing wait, and counts only wrong signatures', async () => {
    const d = deps();
    const body = revalidateBody(['story'], NOW);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      statuses.push((await answerRevalidate(body, new Headers(), d)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429, 429]);
    const held = await answerRevalidate(body, new Headers(), d);
    expect(Number(held.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  // Issue 17: a stranger's wrong guesses kept `npm run comments` from refreshing anything.
  it('never throttles a right signature, from the very network that keeps guessing', async () => {
    const d = deps();
    const body = revalidateBody(['story'], NOW);
    for (let i = 0; i < 240; i++) await answerRevalidate(body, new Headers(), d);
    expect((await answerRevalidate(body, new Headers(), d)).status).toBe(429);
    const response = await answerRevalidate(body, signed(body), d);
    expect(response.status).toBe(200);
    expect(d.revalidated).toEqual(['/world/story']);
    // A right signature clears nothing either: the guesser still waits.
    expect((await answerRevalidate(body, new Headers(), d)).status).toBe(429);
  });
});
