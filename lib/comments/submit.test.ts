import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { startFakeAkismet, type FakeAkismet } from '@/test/support/fake-akismet';
import { EMPTY_VALUES } from './form-state';
import type { FormValues } from './schema';
import { listForModeration, setStatus } from './store';
import { submitComment, type SubmitContext, type SubmitRequest } from './submit';
import { testDatabases } from '@/test/support/test-databases';
import { issueToken } from './token';
import type { Database } from './types';

const secret = 'submit-test-secret';
const t0 = Date.UTC(2026, 10, 1, 12);
let n = 0;

describe.each(testDatabases)('submitComment on $name', ({ open }) => {
  let db: Kysely<Database>;
  let close: () => Promise<void>;
  let now: number;

  beforeEach(async () => {
    ({ db, close } = await open());
    now = t0;
  });
  afterEach(async () => close());

  const request = (
    values: Partial<FormValues> = {},
    over: Partial<SubmitRequest> = {},
  ): SubmitRequest => ({
    articleSlug: 'story',
    values: {
      ...EMPTY_VALUES,
      name: 'Ana',
      email: 'ana@example.com',
      comment: `A considered view, number ${++n}.`,
      ...values,
    },
    honeypot: '',
    token: issueToken(secret, now - 10_000),
    ...over,
  });
  const context = (over: Partial<SubmitContext> = {}): SubmitContext => ({
    db,
    secret,
    ip: '203.0.113.9',
    userAgent: 'test',
    now: new Date(now),
    moderation: true,
    holdWords: [],
    permalink: 'http://localhost:3000/world/story',
    ...over,
  });
  const submit = (
    values?: Partial<FormValues>,
    over?: Partial<SubmitRequest>,
    ctx?: Partial<SubmitContext>,
  ) => submitComment(request(values, over), context(ctx));

  it('holds a first comment, then publishes that commenter, in that browser, once approved', async () => {
    const first = await submit();
    if (!first.ok) throw new Error('expected a comment');
    expect(first.status).toBe('pending');
    const [held] = await listForModeration(db, 'pending');
    expect(held?.held_reason).toBe('new commenter');
    await setStatus(db, [held!.id], 'approved');
    now += 60_000;
    expect(
      await submit({ email: 'ANA@example.com' }, { commenterProof: first.proof }),
    ).toMatchObject({ ok: true, status: 'approved', proof: first.proof });
  });

  it("holds a post from someone who only knows an approved commenter's email", async () => {
    const first = await submit();
    if (!first.ok) throw new Error('expected a comment');
    await setStatus(db, [first.comment.id], 'approved');
    now += 60_000;
    // Another browser: no proof, or a proof signed for somebody else's comment.
    expect(await submit({}, {}, { ip: '198.51.100.20' })).toMatchObject({ status: 'pending' });
    const mallory = await submit(
      { email: 'mallory@example.com' },
      {},
      { moderation: false, ip: '198.51.100.21' },
    );
    if (!mallory.ok) throw new Error('expected a comment');
    expect(
      await submit({}, { commenterProof: mallory.proof }, { ip: '198.51.100.22' }),
    ).toMatchObject({ status: 'pending' });
  });

  it('gives a new proof while the old one names a comment that is not approved', async () => {
    const first = await submit();
    const second = await submit({}, first.ok ? { commenterProof: first.proof } : {});
    if (!first.ok || !second.ok) throw new Error('expected comments');
    expect(second.proof).not.toBe(first.proof);
    expect(second.proof.startsWith(`${second.comment.id}.`)).toBe(true);
  });

  it('publishes at once with moderation off', async () => {
    expect(await submit({}, {}, { moderation: false })).toMatchObject({
      ok: true,
      status: 'approved',
    });
  });

  it('returns field errors and stores nothing for invalid input', async () => {
    expect(await submit({ email: 'x', comment: '' })).toEqual({
      ok: false,
      kind: 'invalid',
      fieldErrors: {
        email: 'Enter a valid email address, like name@example.com.',
        comment: 'Write a comment of at least two characters.',
      },
    });
    expect(await listForModeration(db, 'pending')).toEqual([]);
  });

  it('refuses a filled honeypot without saying why', async () => {
    expect(await submit({}, { honeypot: 'http://spam.example' })).toMatchObject({
      ok: false,
      kind: 'refused',
      message: 'Your comment could not be posted.',
    });
  });

  it('refuses posts too soon after rendering, too late, or with a forged token', async () => {
    expect(await submit({}, { token: issueToken(secret, now - 1_000) })).toMatchObject({
      kind: 'too-fast',
    });
    expect(await submit({}, { token: issueToken(secret, now - 25 * 3600_000) })).toMatchObject({
      kind: 'expired',
    });
    expect(await submit({}, { token: issueToken('forged', now - 10_000) })).toMatchObject({
      kind: 'refused',
    });
  });

  it('asks a fourth post within a minute from one network to slow down', async () => {
    for (let i = 0; i < 3; i++)
      expect(await submit({}, {}, { ip: `203.0.113.${i}` })).toMatchObject({ ok: true });
    expect(await submit({}, {}, { ip: '203.0.113.200' })).toMatchObject({
      ok: false,
      kind: 'rate-limited',
    });
    expect(await submit({}, {}, { ip: '198.51.100.1' })).toMatchObject({ ok: true });
    now += 61_000;
    expect(await submit({}, {}, { ip: '203.0.113.7' })).toMatchObject({ ok: true });
  });

  it('counts posts from one network atomically: five at once, three stored', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => submit({}, {}, { ip: `192.0.2.${i + 1}` })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok && r.kind === 'rate-limited')).toHaveLength(2);
  });

  it('refuses the same comment twice from one commenter, and only from them', async () => {
    await submit({ comment: 'Exactly this.' });
    now += 10_000;
    expect(await submit({ comment: 'Exactly this.' }, {}, { ip: '198.51.100.2' })).toMatchObject({
      ok: false,
      kind: 'duplicate',
      fieldErrors: { comment: 'You have already posted this comment on this article.' },
    });
    expect(
      await submit({ comment: 'Exactly this.' }, { articleSlug: 'other' }, { ip: '198.51.100.3' }),
    ).toMatchObject({ ok: true });
    // Somebody else with the same two words learns nothing about the first comment.
    expect(
      await submit(
        { comment: 'Exactly this.', email: 'bob@example.com' },
        {},
        { ip: '198.51.100.11' },
      ),
    ).toMatchObject({ ok: true });
  });

  it('says the comment could not be saved, and stores nothing, when the database fails', async () => {
    // A real failure inside the database: every insert into comments is aborted.
    if (db.getExecutor().adapter instanceof PostgresAdapter) {
      await sql`create function refuse_insert() returns trigger language plpgsql as $$
        begin raise exception 'disk full'; end $$`.execute(db);
      await sql`create trigger refuse before insert on comments
        for each row execute function refuse_insert()`.execute(db);
    } else {
      await sql`create trigger refuse before insert on comments
        begin select raise(abort, 'disk full'); end`.execute(db);
    }
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await submit({ comment: 'Please keep this.' })).toEqual({
      ok: false,
      kind: 'unavailable',
      message:
        'We could not save your comment just now. Everything you wrote is still here: please try again in a minute.',
      fieldErrors: {},
    });
    expect(errors).toHaveBeenCalledWith(
      expect.stringMatching(/^comments: could not save a comment: .*disk full/),
    );
    errors.mockRestore();
    expect(await listForModeration(db, 'pending')).toEqual([]);
  });

  it('holds comments with many links or listed words, even from approved commenters', async () => {
    const links = await submit(
      { comment: 'a https://a.example b https://b.example c https://c.example' },
      {},
      { moderation: false },
    );
    expect(links).toMatchObject({ ok: true, status: 'pending' });
    const words = await submit(
      { comment: 'Visit my casino' },
      {},
      { moderation: false, holdWords: ['casino'], ip: '198.51.100.4' },
    );
    expect(words).toMatchObject({ ok: true, status: 'pending' });
    expect((await listForModeration(db, 'pending')).map((c) => c.held_reason).sort()).toEqual([
      '3 links',
      'listed word "casino"',
    ]);
  });

  it('attaches replies to the thread and refuses replies to what readers cannot see', async () => {
    const top = await submit({}, {}, { moderation: false });
    if (!top.ok) throw new Error('expected a comment');
    now += 1000;
    const reply = await submit(
      { parentId: String(top.comment.id) },
      {},
      { moderation: false, ip: '198.51.100.5' },
    );
    if (!reply.ok) throw new Error('expected a reply');
    now += 1000;
    const replyToReply = await submit(
      { parentId: String(reply.comment.id) },
      {},
      { moderation: false, ip: '198.51.100.6' },
    );
    expect(replyToReply).toMatchObject({ ok: true, comment: { parentId: top.comment.id } });
    expect(await submit({ parentId: '99999' }, {}, { ip: '198.51.100.7' })).toMatchObject({
      kind: 'parent-missing',
    });
  });

  describe('with Akismet', () => {
    let akismet: FakeAkismet;
    beforeAll(async () => {
      akismet = await startFakeAkismet();
    });
    afterAll(async () => akismet.close());
    const withAkismet = (apiKey = 'test-key') => ({
      moderation: false,
      akismet: { apiKey, endpoint: akismet.endpoint, blog: 'http://localhost:3000' },
    });

    it('publishes ham and files spam as spam, sending what Akismet needs', async () => {
      expect(await submit({ comment: 'Good point, well made.' }, {}, withAkismet())).toMatchObject({
        status: 'approved',
      });
      expect(
        await submit({ comment: 'buy spam now' }, {}, { ...withAkismet(), ip: '198.51.100.8' }),
      ).toMatchObject({
        status: 'spam',
      });
      const sent = akismet.requests.at(-1);
      expect(sent?.get('user_ip')).toBe('198.51.100.8');
      expect(sent?.get('comment_type')).toBe('comment');
      expect(sent?.get('permalink')).toBe('http://localhost:3000/world/story');
      expect(sent?.get('comment_author_email')).toBe('ana@example.com');
    });

    it(
      'holds, and never loses, a comment when Akismet fails or is slow',
      { timeout: 10_000 },
      async () => {
        expect(await submit({ comment: 'when it is down' }, {}, withAkismet())).toMatchObject({
          ok: true,
          status: 'pending',
        });
        expect(
          await submit(
            { comment: 'wrong key' },
            {},
            { ...withAkismet('bad-key'), ip: '198.51.100.9' },
          ),
        ).toMatchObject({
          status: 'pending',
        });
        const started = Date.now();
        expect(
          await submit({ comment: 'a slow one' }, {}, { ...withAkismet(), ip: '198.51.100.10' }),
        ).toMatchObject({
          status: 'pending',
        });
        expect(Date.now() - started).toBeLessThan(3_900);
        expect((await listForModeration(db, 'pending')).map((c) => c.held_reason)).toEqual([
          'akismet unreachable',
          'akismet unreachable',
          'akismet unreachable',
        ]);
      },
    );
  });
});
