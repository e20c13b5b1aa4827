import { z } from 'zod';
import { adOrigin, adOrigins, scriptSrcOrigin } from './csp-origins.js';
import { plainOrigin } from '../security/plain-origin.js';
import { FIX } from '../content/schema/say';

/**
 * content/ads.yaml: where advertising may go and what fills it (docs/editors.md, "Advertising").
 * Operators write it; the content build checks it with this schema, and a mistake fails the build
 * at its line like any other content. Absent, the site has no slots and ships no advertising code.
 */

const say = (problem: string, fix: string) => `${problem}${FIX}${fix}`;

/** Widths the page has room for: a 360-pixel phone inside its margins, and the article column. */
export const MAX_WIDTH = { phone: 328, desktop: 970 };

const SIZE = /^(\d{2,4})x(\d{2,4})$/;

const size = (viewport: keyof typeof MAX_WIDTH, example: string) =>
  z
    .string({ error: say('missing or not a size', `write ${viewport}: ${example}`) })
    .transform((value, ctx) => {
      const match = SIZE.exec(value.trim());
      const width = Number(match?.[1]);
      const height = Number(match?.[2]);
      if (!match || width < 10 || height < 10 || height > 1000) {
        ctx.addIssue({
          code: 'custom',
          message: say(`"${value}" is not a size`, `write it as width x height: ${example}`),
        });
        return z.NEVER;
      }
      if (width > MAX_WIDTH[viewport]) {
        ctx.addIssue({
          code: 'custom',
          message: say(
            `${width} pixels is wider than a ${viewport} page has room for (${MAX_WIDTH[viewport]})`,
            `use a size at most ${MAX_WIDTH[viewport]} wide, such as ${example}`,
          ),
        });
        return z.NEVER;
      }
      return { width, height };
    });

const sizes = (phone: string, desktop: string) =>
  z.strictObject(
    { phone: size('phone', phone), desktop: size('desktop', desktop) },
    { error: say('must give both sizes', `write size: { phone: ${phone}, desktop: ${desktop} }`) },
  );

const count = (field: string, example: number) =>
  z
    .number({ error: say('must be a whole number', `write ${field}: ${example}`) })
    .int({ error: say('must be a whole number', `write ${field}: ${example}`) })
    .min(1, { error: say('must be 1 or more', `write ${field}: ${example}`) })
    .max(200, { error: say('is more than any page has', `write ${field}: ${example}`) });

const slotsSchema = z.strictObject(
  {
    article: z
      .strictObject({
        afterParagraphs: z
          .array(count('afterParagraphs', 3), {
            error: say('must be a list of paragraph numbers', 'write afterParagraphs: [3, 9]'),
          })
          .min(1, { error: say('is empty', 'write afterParagraphs: [3]') })
          .max(5, { error: say('more than five slots in one article', 'keep at most five') })
          .transform((list) => [...new Set(list)].sort((a, b) => a - b)),
        minParagraphs: count('minParagraphs', 6).default(6),
        size: sizes('300x250', '728x90'),
      })
      .optional(),
    listing: z
      .strictObject({ every: count('every', 6), size: sizes('300x250', '970x250') })
      .optional(),
    footer: z.strictObject({ size: sizes('320x100', '970x90') }).optional(),
  },
  { error: say('must list slots', 'write slots: with article:, listing: or footer: under it') },
);

/** A path on this site, or an https address elsewhere. */
const href = z
  .string({ error: say('missing', 'write href: /support or href: https://…') })
  .refine((value) => /^\/(?!\/)[^\s]*$/.test(value) || httpsUrl(value), {
    error: say('must be a path on this site or an https address', 'write href: /support'),
  });

function httpsUrl(value: string): boolean {
  return URL.canParse(value) && new URL(value).protocol === 'https:';
}

const line = (field: string, example: string, max: number) =>
  z
    .string({ error: say('missing or not text', `write ${field}: "${example}"`) })
    .trim()
    .min(1, { error: say('is empty', `write ${field}: "${example}"`) })
    .max(max, { error: say(`is longer than ${max} characters`, 'shorten it') });

export function promotionSchema(publicFileExists: (path: string) => boolean) {
  return z.strictObject({
    title: line('title', 'The Morning Briefing', 80),
    text: line('text', 'The five stories you need, every weekday at seven.', 200),
    href,
    action: line('action', 'Sign up', 30),
    image: z
      .strictObject({
        src: z
          .string({ error: say('must be a path', 'write src: /images/promotions/brief.jpg') })
          .refine((src) => src.startsWith('/') && publicFileExists(src), {
            error: (issue) =>
              say(`no file public${String(issue.input)}`, 'add the picture under public/images/'),
          }),
        alt: z.string({ error: say('missing', 'say what the picture shows') }),
      })
      .optional(),
  });
}

const shown = (value: unknown) => JSON.stringify(String(value));

/** The fix for an address in Unicode: its ASCII (`xn--`) form, which is what the policy holds. */
function asciiFix(value: string, example: string): string {
  const ascii = URL.canParse(value.trim()) ? new URL(value.trim()).origin : undefined;
  return /[^\x00-\x7f]/.test(value) && ascii && ascii !== 'null'
    ? `write the host in its ASCII form: ${ascii}`
    : example;
}

/**
 * An ad server's script, http only on this machine itself (a development ad server); anywhere
 * else https, since the page would otherwise run code anyone on the network could replace. Its
 * origin joins the Content-Security-Policy, so it must be a plain one (lib/ads/csp-origins.js).
 */
const scriptUrl = z
  .string({ error: say('missing', 'write src: https://ads.example.com/masthead.js') })
  .superRefine((value, ctx) => {
    if (scriptSrcOrigin(value)) return;
    // An https address with a host the policy cannot hold; anything else is not https at all.
    const https =
      URL.canParse(value) && new URL(value).protocol === 'https:' && !value.includes('@');
    ctx.addIssue({
      code: 'custom',
      message: https
        ? say(
            `${shown(value)} does not name one plain host`,
            asciiFix(
              value,
              'write the URL your ad server gives you for its script, with no wildcard, space, quote or other character a host cannot have',
            ),
          )
        : say(
            `${shown(value)} is not an https address`,
            'write the https URL your ad server gives you for its script',
          ),
    });
  });

/**
 * Another origin the creatives load from: a scheme, a host and an optional port, nothing more.
 * `https://*`, a `;` and a second directive, quotes, spaces or a path would all have gone into
 * the policy as written.
 */
const origin = z
  .string({ error: say('must be an origin', 'write https://cdn.example.net') })
  .transform((value, ctx) => {
    const admitted = adOrigin(value);
    if (admitted) return admitted;
    const plain = plainOrigin(value);
    ctx.addIssue({
      code: 'custom',
      message: plain
        ? say(`${shown(value)} is not an https address`, `write https://${plain.host}`)
        : say(
            `${shown(value)} is not a plain origin`,
            asciiFix(
              value,
              'write the scheme, host and port only, such as https://cdn.example.net, one to a line',
            ),
          ),
    });
    return z.NEVER;
  });

export function adsSchema(publicFileExists: (path: string) => boolean) {
  return z
    .strictObject({
      provider: z.enum(['house', 'script'], {
        error: say('must be house or script', 'write provider: house (your own promotions)'),
      }),
      script: z
        .strictObject({
          src: scriptUrl,
          /** Other origins its creatives load from (pictures, frames), added to the policy too. */
          origins: z
            .array(origin, { error: say('must be a list', 'write origins: [https://…]') })
            .default([]),
        })
        .optional(),
      slots: slotsSchema,
      promotions: z
        .array(promotionSchema(publicFileExists), {
          error: say('must be a list', 'write each promotion as - title: … under promotions:'),
        })
        .max(50, { error: say('more than 50 promotions', 'keep the ones running now') })
        .default([]),
    })
    .superRefine((ads, ctx) => {
      if (ads.provider === 'script' && !ads.script) {
        ctx.addIssue({
          code: 'custom',
          path: ['provider'],
          message: say('script needs its address', 'add script: with src: https://… under it'),
        });
      }
      if (ads.provider === 'house' && ads.promotions.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['promotions'],
          message: say('house ads need promotions to show', 'add promotions: with one or more'),
        });
      }
    });
}

export type AdsConfig = z.output<ReturnType<typeof adsSchema>>;
export type AdSize = { width: number; height: number };
export type SlotSizes = { phone: AdSize; desktop: AdSize };
export type Promotion = AdsConfig['promotions'][number];
export const ADS_FIELDS = ['provider', 'script', 'slots', 'promotions'];

/** Every origin the script provider loads from: what the Content-Security-Policy must admit. */
export const scriptOrigins = (ads: AdsConfig | undefined): string[] => adOrigins(ads);
