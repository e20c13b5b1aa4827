import type { Kysely } from 'kysely';
import {
  countByStatus,
  countRecentByIp,
  deleteComments,
  insertComment,
  insertGuarded,
  isApprovedCommentBy,
  listForModeration,
  listThreads,
  setStatus,
  threadRootFor,
} from './store';
import { POSTGRES_URL, testDatabases } from '@/test/support/test-databases';
import type { Database, NewComment } from './types';

if (!POSTGRES_URL) {
  console.warn('comment store: PostgreSQL not tested here (set TEST_DATABASE_URL to include it)');
}

let clock = Date.UTC(2026, 10, 1);
const comment = (over: Partial<NewComment> = {}): NewComment => {
  clock += 1000;
  return {
    article_slug: 'story',
    parent_id: null,
    author_name: 'Ana',
    author_email: 'ana@example.com',
    author_url: null,
    body: `Comment ${clock}`,
    status: 'approved',
    held_reason: null,
    ip_hash: 'hash-a',
    created_at: new Date(clock).toISOString(),
    ...over,
  };
};

describe.each(testDatabases)('comment store on $name', ({ open }) => {
  let db: Kysely<Database>;
  let close: () => Promise<void>;

  beforeEach(async () => {
    ({ db, close } = await open());
  });
  afterEach(async () => close());

  it('lists approved comments as threads, oldest first, without private columns', async () => {
    const first = await insertComment(db, comment({ author_name: 'First' }));
    const second = await insertComment(
      db,
      comment({ author_name: 'Second', author_url: 'https://b.example' }),
    );
    await insertComment(db, comment({ author_name: 'Reply', parent_id: first }));
    await insertComment(db, comment({ author_name: 'Held', status: 'pending' }));
    await insertComment(db, comment({ author_name: 'Elsewhere', article_slug: 'other' }));

    const threads = await listThreads(db, 'story');
    expect(threads.map((t) => [t.name, t.replies.map((r) => r.name)])).toEqual([
      ['First', ['Reply']],
      ['Second', []],
    ]);
    expect(threads[1]).toMatchObject({ id: second, url: 'https://b.example', parentId: null });
    expect(JSON.stringify(threads)).not.toContain('ana@example.com');
    expect(JSON.stringify(threads)).not.toContain('hash-a');
  });

  it('attaches a reply to a reply to the top-level comment', async () => {
    const top = await insertComment(db, comment());
    const reply = await insertComment(db, comment({ parent_id: top }));
    expect(await threadRootFor(db, reply, 'story')).toBe(top);
    expect(await threadRootFor(db, top, 'story')).toBe(top);
    expect(await threadRootFor(db, top, 'other-article')).toBeUndefined();
    const held = await insertComment(db, comment({ status: 'pending' }));
    expect(await threadRootFor(db, held, 'story')).toBeUndefined();
  });

  it('answers the questions the spam checks ask', async () => {
    const since = new Date(clock).toISOString();
    const approved = await insertComment(db, comment({ body: 'Same words', ip_hash: 'hash-b' }));
    const spam = await insertComment(
      db,
      comment({ ip_hash: 'hash-b', status: 'spam', author_email: 'spam@example.com' }),
    );
    expect(await countRecentByIp(db, 'hash-b', since)).toBe(2);
    expect(await countRecentByIp(db, 'hash-b', new Date(clock + 1).toISOString())).toBe(0);
    expect(await isApprovedCommentBy(db, approved, 'ana@example.com')).toBe(true);
    expect(await isApprovedCommentBy(db, approved, 'bob@example.com')).toBe(false);
    expect(await isApprovedCommentBy(db, spam, 'spam@example.com')).toBe(false);
  });

  const guard = (over: Partial<Parameters<typeof insertGuarded>[2]> = {}) => ({
    rateSince: new Date(clock - 60_000).toISOString(),
    rateLimit: 3,
    duplicateSince: new Date(clock - 86_400_000).toISOString(),
    ...over,
  });

  it('counts and inserts as one step: of ten posts at once from one network, three get in', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        insertGuarded(db, comment({ ip_hash: 'burst', body: `burst ${i}` }), guard()),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok && r.reason === 'rate-limited')).toHaveLength(7);
    expect(await countRecentByIp(db, 'burst', '')).toBe(3);
  });

  it("finds duplicates in the commenter's own recent text only", async () => {
    await insertComment(db, comment({ body: 'Same words', author_email: 'ana@example.com' }));
    const again = comment({ body: 'Same words', ip_hash: 'other-net' });
    expect(await insertGuarded(db, again, guard())).toEqual({ ok: false, reason: 'duplicate' });
    // Somebody else writing the same words is not told anything about Ana's comment.
    const bob = comment({ body: 'Same words', author_email: 'bob@example.com' });
    expect(await insertGuarded(db, bob, guard())).toMatchObject({ ok: true });
    // A day later the same words are a new comment.
    const later = comment({ body: 'Same words', ip_hash: 'third-net' });
    const nextDay = guard({ duplicateSince: new Date(clock + 1).toISOString() });
    expect(await insertGuarded(db, later, nextDay)).toMatchObject({ ok: true });
  });

  it('moderates one or many comments and reports the articles touched', async () => {
    const a = await insertComment(db, comment({ status: 'pending', held_reason: 'first comment' }));
    const b = await insertComment(db, comment({ status: 'pending', article_slug: 'other' }));
    expect(await countByStatus(db)).toEqual({ pending: 2, approved: 0, spam: 0, trash: 0 });

    expect((await setStatus(db, [a, b], 'approved')).sort()).toEqual(['other', 'story']);
    const approved = await listForModeration(db, 'approved');
    expect(approved.map((c) => c.id).sort()).toEqual([a, b].sort());
    expect(approved[0]).not.toHaveProperty('author_email');
    expect(approved.find((c) => c.id === a)?.held_reason).toBeNull();

    await setStatus(db, [a], 'spam');
    expect(await countByStatus(db)).toEqual({ pending: 0, approved: 1, spam: 1, trash: 0 });
    expect(await setStatus(db, [], 'trash')).toEqual([]);
  });

  it('deletes a comment together with its replies', async () => {
    const top = await insertComment(db, comment());
    await insertComment(db, comment({ parent_id: top }));
    expect(await deleteComments(db, [top])).toEqual(['story']);
    expect(await listThreads(db, 'story')).toEqual([]);
    expect(await countByStatus(db)).toEqual({ pending: 0, approved: 0, spam: 0, trash: 0 });
  });
});
