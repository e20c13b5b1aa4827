import { terms } from './text';

/** What ranking needs of an article. `text` is title, dek and body as plain text. */
export type RelatedInput = {
  slug: string;
  section: string;
  tags: string[];
  date: string;
  text: string;
  /** Editor's picks, in order; they come first. */
  picks?: string[];
  draft?: boolean;
};

export const RELATED_WEIGHTS = { tags: 0.45, text: 0.35, section: 0.1, recency: 0.1 };
/** Terms kept per article: enough to describe it, few enough to keep 10,000 in memory. */
const TERMS_PER_ARTICLE = 40;
/** The most articles a term or a tag points to; beyond that they say little. */
const POSTINGS_PER_TERM = 300;
const TAG_POSTINGS = 1_000;
const RECENCY_HALF_LIFE_DAYS = 180;

type Vector = Map<string, number>;

function tfidfVectors(docs: RelatedInput[]): Vector[] {
  const tfs = docs.map((doc) => {
    const tf = new Map<string, number>();
    for (const term of terms(doc.text)) tf.set(term, (tf.get(term) ?? 0) + 1);
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of tfs) for (const term of tf.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = docs.length;
  return tfs.map((tf) => {
    const weighted = [...tf].map(([term, count]): [string, number] => [
      term,
      (1 + Math.log(count)) * Math.log(n / (df.get(term) ?? 1)),
    ]);
    // Keep the terms that say most about this article; a term in every article weighs 0.
    weighted.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const top = weighted.slice(0, TERMS_PER_ARTICLE).filter(([, w]) => w > 0);
    const norm = Math.hypot(...top.map(([, w]) => w)) || 1;
    return new Map(top.map(([term, w]) => [term, w / norm]));
  });
}

/**
 * "You may also like": for every article, the slugs of up to `limit` others, best first.
 * Shared tags count by rarity (a tag on 3 articles says more than one on 300), then text
 * similarity (TF-IDF cosine over title, dek and body), the same section, and recency. Editors'
 * picks come first. Never the article itself, never a draft.
 *
 * Scores are accumulated along inverted lists (tag → articles, term → articles) into one array
 * reused for every article, so memory stays linear and the work grows with the number of
 * articles times their neighbours, not with its square. Postings of very common tags and terms
 * are capped (the newest articles for a tag, the strongest for a term); they carry little
 * weight anyway.
 */
export function rankRelated(docs: RelatedInput[], { limit = 4 } = {}): Map<string, string[]> {
  const n = docs.length;
  const vectors = tfidfVectors(docs);
  const published = docs.map((doc) => !doc.draft);
  const bySlug = new Map(docs.map((doc, i) => [doc.slug, i]));
  const times = docs.map((doc) => Date.parse(doc.date));

  const tagPostings = new Map<string, number[]>();
  docs.forEach((doc, i) => {
    if (!published[i]) return;
    for (const tag of new Set(doc.tags)) {
      const postings = tagPostings.get(tag);
      if (postings) postings.push(i);
      else tagPostings.set(tag, [i]);
    }
  });
  const tagIdf = new Map<string, number>();
  for (const [tag, postings] of tagPostings) {
    tagIdf.set(tag, Math.log(1 + n / postings.length));
    if (postings.length > TAG_POSTINGS) {
      postings.sort((a, b) => times[b]! - times[a]!);
      postings.length = TAG_POSTINGS;
    }
  }

  const termPostings = new Map<string, [number, number][]>();
  vectors.forEach((vector, i) => {
    if (!published[i]) return;
    for (const [term, w] of vector) {
      const postings = termPostings.get(term);
      if (postings) postings.push([i, w]);
      else termPostings.set(term, [[i, w]]);
    }
  });
  for (const postings of termPostings.values()) {
    if (postings.length <= POSTINGS_PER_TERM) continue;
    postings.sort((a, b) => b[1] - a[1]);
    postings.length = POSTINGS_PER_TERM;
  }

  const newest = times.reduce((a, b) => Math.max(a, b), -Infinity);
  const recency = times.map((t) =>
    Math.pow(0.5, (newest - t) / (RECENCY_HALF_LIFE_DAYS * 86_400_000)),
  );
  const tagNorms = docs.map(
    (doc) =>
      Math.sqrt([...new Set(doc.tags)].reduce((sum, t) => sum + (tagIdf.get(t) ?? 0) ** 2, 0)) || 1,
  );

  const tagAcc = new Float64Array(n);
  const textAcc = new Float64Array(n);
  const seen = new Uint8Array(n);
  const touched: number[] = [];
  const result = new Map<string, string[]>();

  docs.forEach((doc, i) => {
    touched.length = 0;
    const touch = (j: number) => {
      if (!seen[j]) {
        seen[j] = 1;
        touched.push(j);
      }
    };
    for (const tag of new Set(doc.tags)) {
      const idf2 = (tagIdf.get(tag) ?? 0) ** 2;
      for (const j of tagPostings.get(tag) ?? []) {
        touch(j);
        tagAcc[j]! += idf2;
      }
    }
    for (const [term, w] of vectors[i]!) {
      for (const [j, wj] of termPostings.get(term) ?? []) {
        touch(j);
        textAcc[j]! += w * wj;
      }
    }

    // The best `limit` by a linear scan: limit is tiny, candidates are many.
    const best: [number, number][] = [];
    for (const j of touched) {
      if (j !== i) {
        const score =
          RELATED_WEIGHTS.tags * (tagAcc[j]! / (tagNorms[i]! * tagNorms[j]!)) +
          RELATED_WEIGHTS.text * textAcc[j]! +
          RELATED_WEIGHTS.section * (docs[j]!.section === doc.section ? 1 : 0) +
          RELATED_WEIGHTS.recency * recency[j]!;
        if (best.length < limit || score > best[best.length - 1]![1]) {
          best.push([j, score]);
          best.sort((a, b) => b[1] - a[1] || docs[a[0]]!.slug.localeCompare(docs[b[0]]!.slug));
          if (best.length > limit) best.pop();
        }
      }
      tagAcc[j] = 0;
      textAcc[j] = 0;
      seen[j] = 0;
    }

    const picks = (doc.picks ?? []).filter((slug) => {
      const j = bySlug.get(slug);
      return j !== undefined && j !== i && published[j];
    });
    const chosen = [...new Set(picks)];
    for (const [j] of best) {
      const slug = docs[j]!.slug;
      if (!chosen.includes(slug)) chosen.push(slug);
    }
    result.set(doc.slug, chosen.slice(0, limit));
  });
  return result;
}
