import type { Kysely } from 'kysely';
import {
  countByStatus,
  countRecentByIp,
  deleteComments,
  hasApprovedComment,
  hasSameBody,
  insertComment,
  listForModeration,
  listThreads,
  setStatus,
  threadRootFor,
} from './store';
import { POSTGRES_URL, testDatabases } from './test-databases';
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
    await insertComment(db, comment({ body: 'Same words', ip_hash: 'hash-b' }));
    await insertComment(
      db,
      comment({ ip_hash: 'hash-b', status: 'spam', author_email: 'spam@example.com' }),
    );
    expect(await countRecentByIp(db, 'hash-b', since)).toBe(2);
    expect(await countRecentByIp(db, 'hash-b', new Date(clock + 1).toISOString())).toBe(0);
    expect(await hasSameBody(db, 'story', 'Same words')).toBe(true);
    expect(await hasSameBody(db, 'other', 'Same words')).toBe(false);
    expect(await hasApprovedComment(db, 'ana@example.com')).toBe(true);
    expect(await hasApprovedComment(db, 'spam@example.com')).toBe(false);
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
