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
/** Terms of an article used to look for candidates, and the most postings read per term. */
const LOOKUP_TERMS = 12;
const POSTINGS_PER_TERM = 300;
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

function dot(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, w] of small) sum += w * (large.get(term) ?? 0);
  return sum;
}

/**
 * "You may also like": for every article, the slugs of up to `limit` others, best first.
 * Shared tags count by rarity (a tag on 3 articles says more than one on 300), then text
 * similarity (TF-IDF cosine over title, dek and body), the same section, and recency. Editors'
 * picks come first. Never the article itself, never a draft.
 *
 * Candidates come from an inverted index over tags and each article's strongest terms, so the
 * work grows with the number of articles times their neighbours, not with its square.
 */
export function rankRelated(docs: RelatedInput[], { limit = 4 } = {}): Map<string, string[]> {
  const vectors = tfidfVectors(docs);
  const published = docs.map((doc) => !doc.draft);
  const bySlug = new Map(docs.map((doc, i) => [doc.slug, i]));

  const tagPostings = new Map<string, number[]>();
  docs.forEach((doc, i) => {
    if (!published[i]) return;
    for (const tag of new Set(doc.tags)) {
      const postings = tagPostings.get(tag);
      if (postings) postings.push(i);
      else tagPostings.set(tag, [i]);
    }
  });
  const tagIdf = (tag: string) => Math.log(1 + docs.length / (tagPostings.get(tag)?.length ?? 1));

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
    postings.sort((a, b) => b[1] - a[1]);
    postings.length = Math.min(postings.length, POSTINGS_PER_TERM);
  }

  const times = docs.map((doc) => Date.parse(doc.date));
  const newest = times.reduce((a, b) => Math.max(a, b), -Infinity);
  const recency = times.map((t) => Math.pow(0.5, (newest - t) / (RECENCY_HALF_LIFE_DAYS * 86_400_000)));
  const tagNorms = docs.map((doc) => Math.sqrt([...new Set(doc.tags)].reduce((s, t) => s + tagIdf(t) ** 2, 0)) || 1);

  const result = new Map<string, string[]>();
  docs.forEach((doc, i) => {
    const candidates = new Set<number>();
    for (const tag of doc.tags) for (const j of tagPostings.get(tag) ?? []) candidates.add(j);
    const strongest = [...(vectors[i] ?? new Map<string, number>())].slice(0, LOOKUP_TERMS);
    for (const [term] of strongest) for (const [j] of termPostings.get(term) ?? []) candidates.add(j);
    candidates.delete(i);

    const docTags = new Set(doc.tags);
    const scored: [number, number][] = [];
    for (const j of candidates) {
      const other = docs[j]!;
      let shared = 0;
      for (const tag of new Set(other.tags)) if (docTags.has(tag)) shared += tagIdf(tag) ** 2;
      const score =
        RELATED_WEIGHTS.tags * (shared / (tagNorms[i]! * tagNorms[j]!)) +
        RELATED_WEIGHTS.text * dot(vectors[i]!, vectors[j]!) +
        RELATED_WEIGHTS.section * (other.section === doc.section ? 1 : 0) +
        RELATED_WEIGHTS.recency * recency[j]!;
      scored.push([j, score]);
    }
    scored.sort((a, b) => b[1] - a[1] || docs[a[0]]!.slug.localeCompare(docs[b[0]]!.slug));

    const picks = (doc.picks ?? []).filter((slug) => {
      const j = bySlug.get(slug);
      return j !== undefined && j !== i && published[j];
    });
    const chosen = [...picks];
    for (const [j] of scored) {
      if (chosen.length >= limit) break;
      const slug = docs[j]!.slug;
      if (!chosen.includes(slug)) chosen.push(slug);
    }
    result.set(doc.slug, chosen.slice(0, limit));
  });
  return result;
}
