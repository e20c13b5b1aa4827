import type { Kysely } from 'kysely';
import { startFakeAkismet, type FakeAkismet } from './fake-akismet';
import { EMPTY_VALUES } from './form-state';
import type { FormValues } from './schema';
import { listForModeration, setStatus } from './store';
import { submitComment, type SubmitContext, type SubmitRequest } from './submit';
import { testDatabases } from './test-databases';
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

  it('holds a first comment, then publishes that commenter once approved', async () => {
    const first = await submit();
    expect(first).toMatchObject({ ok: true, status: 'pending' });
    const [held] = await listForModeration(db, 'pending');
    expect(held?.held_reason).toBe('first comment from this address');
    await setStatus(db, [held!.id], 'approved');
    now += 60_000;
    expect(await submit({ email: 'ANA@example.com' })).toMatchObject({
      ok: true,
      status: 'approved',
    });
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

  it('refuses the same comment twice on one article', async () => {
    await submit({ comment: 'Exactly this.' });
    now += 10_000;
    expect(await submit({ comment: 'Exactly this.' }, {}, { ip: '198.51.100.2' })).toMatchObject({
      ok: false,
      kind: 'duplicate',
      fieldErrors: { comment: 'You have already posted this comment on this article.' },
    });
    expect(
      await submit({ comment: 'Exactly this.' }, { articleSlug: 'other' }, { ip: '198.51.100.3' }),
    ).toMatchObject({
      ok: true,
    });
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
