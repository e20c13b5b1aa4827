import { expect, test, type APIRequestContext } from './test';
import { SEARCH_RATE } from '../lib/content/search/options';

// Networks of their own (TEST-NET and benchmarking ranges), so no other spec's searches count
// with these, and these never with theirs.
const FLOODER = '198.51.100.7';
const NEIGHBOUR = '198.51.101.7';
const READER = '198.51.102.7';

const search = (request: APIRequestContext, from: string, q: string) =>
  request.get(`/search?q=${encodeURIComponent(q)}`, { headers: { 'x-forwarded-for': from } });

test('one network flooding /search is answered 429 with Retry-After, and another still searches', async ({
  request,
}) => {
  const statuses: number[] = [];
  let refused: Awaited<ReturnType<typeof search>> | undefined;
  // Twenty at a time, as a script would send them, until refused (a slow machine refills the
  // bucket as it goes, so the count is not fixed), and never more than five bursts' worth.
  for (let sent = 0; !refused && sent < SEARCH_RATE.burst * 5; sent += 20) {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, j) => search(request, FLOODER, `energy flood ${sent + j}`)),
    );
    for (const answer of answers) {
      statuses.push(answer.status());
      if (answer.status() === 429) refused ??= answer;
    }
  }
  expect(refused).toBeDefined();
  expect(statuses.indexOf(429)).toBeGreaterThanOrEqual(SEARCH_RATE.burst - 20);
  expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(SEARCH_RATE.burst);
  expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);

  const retryAfter = Number(refused!.headers()['retry-after']);
  expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
  expect(refused!.headers()['cache-control']).toContain('no-store');
  expect(refused!.headers()['content-type']).toContain('text/plain');
  expect(await refused!.text()).toMatch(
    /^Too many searches from your network just now\. Please wait \d+ seconds? and search again\.\n$/,
  );

  // Someone else, and the empty search form even for the flooder, are not held up.
  expect((await search(request, NEIGHBOUR, 'energy')).status()).toBe(200);
  const form = await request.get('/search', { headers: { 'x-forwarded-for': FLOODER } });
  expect(form.status()).toBe(200);
});

test('a query of 100 one-letter words searches the first 8 and says so', async ({ page }) => {
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': READER });
  const letters = 'bcdefghjklmnopqrtuvwxyz';
  const q = Array.from({ length: 100 }, (_, i) => letters[i % letters.length]).join(' ');
  const answer = await page.goto(`/search?q=${encodeURIComponent(q)}`);
  expect(answer?.status()).toBe(200);
  await expect(
    page.getByText(
      'Searched for the first 8 words (b, c, d, e, f, g, h, j); 15 more were left out.',
    ),
  ).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search for' })).toHaveAttribute(
    'maxlength',
    '200',
  );
});

test('an ordinary search says nothing about words left out', async ({ page }) => {
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': READER });
  await page.goto('/search?q=russia+energy');
  await expect(page.getByRole('status')).toContainText('match');
  await expect(page.getByText(/Searched for the first/)).toHaveCount(0);
});
