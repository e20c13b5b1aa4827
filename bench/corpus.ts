import { STOPWORDS } from '../lib/content/mdx/text';

/**
 * A synthetic newsroom for benchmarks: N articles of about 900 words drawn from a Zipf-shaped
 * vocabulary (a few words are everywhere, most are rare, as in real prose), 20 sections, and
 * tags drawn from a Zipf distribution over 2,000 topics. Seeded, so every run sees the same.
 */
export type SyntheticArticle = {
  slug: string;
  section: string;
  tags: string[];
  date: string;
  title: string;
  dek: string;
  body: string;
};

export function rng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Index drawn from Zipf(s≈1) over n items. */
export function zipf(random: () => number, n: number): number {
  const h = Math.log(n) + 0.5772;
  const target = random() * h;
  return Math.min(n - 1, Math.max(0, Math.floor(Math.exp(target - 0.5772)) - 1));
}

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'tor',
  'sa',
  'vel',
  'dun',
  'pri',
  'mon',
  'ex',
  'gra',
  'ti',
  'bor',
  'nel',
  'fa',
  'qui',
  'zen',
  'hal',
  'ost',
];

export function vocabulary(size: number, random: () => number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    const n = 2 + Math.floor(random() * 3);
    words.add(
      Array.from({ length: n }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join(''),
    );
  }
  return [...words];
}

export function syntheticCorpus(n: number, seed = 42): SyntheticArticle[] {
  const random = rng(seed);
  // The commonest words are real function words, as in English prose; the rest are made up.
  const words = [...STOPWORDS, ...vocabulary(20_000, random)];
  const topics = vocabulary(2_000, rng(seed + 1)).map((t) => `topic-${t}`);
  const sentence = (len: number) =>
    Array.from({ length: len }, () => words[zipf(random, words.length)]).join(' ');
  const start = Date.UTC(2016, 0, 1);
  return Array.from({ length: n }, (_, i) => {
    const tags = [
      ...new Set(
        Array.from(
          { length: 2 + Math.floor(random() * 4) },
          () => topics[zipf(random, topics.length)]!,
        ),
      ),
    ];
    return {
      slug: `article-${i}`,
      section: `section-${Math.floor(random() * 20)}`,
      tags,
      date: new Date(start + random() * 10 * 365 * 86_400_000).toISOString(),
      title: sentence(8),
      dek: sentence(20),
      body: Array.from({ length: 45 }, () => `${sentence(20)}.`).join(' '),
    };
  });
}
