import { terms } from '../mdx/text';

/** What ranking needs of an article. `text` is title, dek and body as plain text. */
export type RelatedInput = {
  slug: string;
  section: string;
  tags: string[];
  date: string;
  text: string;
  /** Editor's picks, in order; they come first. */
  picks?: string[];
  /** Drafts are never recommended (scheduled articles are: readers see them once live). */
  draft?: boolean;
};

export const RELATED_WEIGHTS = { tags: 0.45, text: 0.35, section: 0.1, recency: 0.1 };
/** Terms kept per article: enough to describe it, few enough to keep 10,000 in memory. */
const TERMS_PER_ARTICLE = 40;
/** The most articles a term or a tag points to; beyond that they say little. */
const POSTINGS_PER_TERM = 300;
const TAG_POSTINGS = 1_000;
const RECENCY_HALF_LIFE_DAYS = 180;
/** Ranked candidates kept beyond those shown, for removals to promote. */
const SPARE = 4;

type RelatedDoc = {
  slug: string;
  section: string;
  /** Each tag once. */
  tags: string[];
  time: number;
  picks: string[];
  draft: boolean;
  /** The article's strongest terms, weighted and normalised (TF-IDF). */
  vector: [string, number][];
  /** What readers see: the editor's picks, then the best ranked. */
  list: string[];
  /**
   * The best candidates with their scores, a few more than the list shows: a publish inserts a
   * newcomer where it beats one, and promotes the next when one goes, without ranking again.
   */
  ranked: [string, number][];
};

/**
 * Everything ranking knows, kept between builds so that a publish can re-rank only what it
 * touches: the term statistics and weights of the last full ranking, and every list with the
 * score a newcomer must beat to enter it.
 */
export type RelatedState = {
  limit: number;
  /** Articles and document frequencies the term weights were computed from. */
  n: number;
  df: Record<string, number>;
  /** The date recency is measured from. */
  newest: number;
  docs: RelatedDoc[];
};

function termCounts(text: string): Map<string, number> {
  const tf = new Map<string, number>();
  for (const term of terms(text)) tf.set(term, (tf.get(term) ?? 0) + 1);
  return tf;
}

function vectorOf(tf: Map<string, number>, df: Record<string, number>, n: number) {
  const weighted = [...tf].map(([term, count]): [string, number] => [
    term,
    (1 + Math.log(count)) * Math.log(n / (df[term] ?? 1)),
  ]);
  // Keep the terms that say most about this article; a term in every article weighs 0.
  weighted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const top = weighted.slice(0, TERMS_PER_ARTICLE).filter(([, w]) => w > 0);
  let sum = 0;
  for (const [, w] of top) sum += w * w;
  const norm = Math.sqrt(sum) || 1;
  return top.map(([term, w]): [string, number] => [term, w / norm]);
}

function docOf(input: RelatedInput, vector: [string, number][]): RelatedDoc {
  return {
    slug: input.slug,
    section: input.section,
    tags: [...new Set(input.tags)],
    time: Date.parse(input.date),
    picks: input.picks ?? [],
    draft: input.draft ?? false,
    vector,
    list: [],
    ranked: [],
  };
}

/**
 * The inverted lists one ranking pass reads: tag → articles, term → articles with weights, in
 * typed arrays, with one score array reused for every article, so memory stays linear and the
 * work grows with articles times their neighbours, not with its square. Postings of very
 * common tags and terms are capped (the newest articles for a tag, the strongest for a term);
 * they carry little weight anyway.
 */
class Ranker {
  private readonly index = new Map<string, number>();
  private readonly tagPostings = new Map<string, Int32Array>();
  private readonly tagIdf = new Map<string, number>();
  private readonly termPostings = new Map<string, { ids: Int32Array; weights: Float64Array }>();
  private readonly recency: Float64Array;
  private readonly tagNorms: Float64Array;
  private readonly tagAcc: Float64Array;
  private readonly textAcc: Float64Array;
  private readonly seen: Uint8Array;
  private readonly touched: Int32Array;
  /** Each article's section as a number, compared in the hot loop. */
  private readonly sections: Int32Array;

  /** How many ranked candidates a list keeps. */
  readonly depth: number;

  constructor(
    private readonly docs: RelatedDoc[],
    private readonly limit: number,
    newest: number,
  ) {
    this.depth = limit + SPARE;
    const n = docs.length;
    const tags = new Map<string, number[]>();
    // Term postings in two passes straight into typed arrays: at 10,000 articles there are some
    // 400,000 of them, and a publish builds them all again.
    const termCounts = new Map<string, number>();
    docs.forEach((doc, i) => {
      this.index.set(doc.slug, i);
      if (doc.draft) return;
      for (const tag of doc.tags) {
        const list = tags.get(tag);
        if (list) list.push(i);
        else tags.set(tag, [i]);
      }
      for (const [term] of doc.vector) termCounts.set(term, (termCounts.get(term) ?? 0) + 1);
    });
    for (const [tag, list] of tags) {
      this.tagIdf.set(tag, Math.log(1 + n / list.length));
      if (list.length > TAG_POSTINGS) {
        list.sort((a, b) => docs[b]!.time - docs[a]!.time);
        list.length = TAG_POSTINGS;
      }
      this.tagPostings.set(tag, Int32Array.from(list));
    }
    const filled = new Map<string, number>();
    for (const [term, count] of termCounts) {
      this.termPostings.set(term, { ids: new Int32Array(count), weights: new Float64Array(count) });
    }
    docs.forEach((doc, i) => {
      if (doc.draft) return;
      for (const [term, w] of doc.vector) {
        const postings = this.termPostings.get(term)!;
        const at = filled.get(term) ?? 0;
        postings.ids[at] = i;
        postings.weights[at] = w;
        filled.set(term, at + 1);
      }
    });
    for (const [term, postings] of this.termPostings) {
      if (postings.ids.length <= POSTINGS_PER_TERM) continue;
      // The strongest articles for a common term.
      const order = Array.from(postings.ids.keys()).sort(
        (a, b) => postings.weights[b]! - postings.weights[a]!,
      );
      const keep = order.slice(0, POSTINGS_PER_TERM);
      this.termPostings.set(term, {
        ids: Int32Array.from(keep, (k) => postings.ids[k]!),
        weights: Float64Array.from(keep, (k) => postings.weights[k]!),
      });
    }
    const halfLife = RECENCY_HALF_LIFE_DAYS * 86_400_000;
    this.recency = Float64Array.from(docs, (doc) => Math.pow(0.5, (newest - doc.time) / halfLife));
    this.tagNorms = Float64Array.from(docs, (doc) => {
      let sum = 0;
      for (const tag of doc.tags) sum += (this.tagIdf.get(tag) ?? 0) ** 2;
      return Math.sqrt(sum) || 1;
    });
    this.tagAcc = new Float64Array(n);
    this.textAcc = new Float64Array(n);
    this.seen = new Uint8Array(n);
    this.touched = new Int32Array(n);
    const sectionIds = new Map<string, number>();
    this.sections = Int32Array.from(docs, (doc) => {
      if (!sectionIds.has(doc.section)) sectionIds.set(doc.section, sectionIds.size);
      return sectionIds.get(doc.section)!;
    });
  }

  indexOf(slug: string): number | undefined {
    return this.index.get(slug);
  }

  /**
   * Ranks article i. `visit` sees every other article that shares a tag or a term with it and
   * the part of their score that is the same both ways (tags, text, section), which is how a
   * publish finds the lists a new article now belongs on.
   */
  rank(i: number, visit?: (j: number, symmetric: number) => void): [string, number][] {
    // Hot loop (every article times its neighbours): locals and indexed loops only.
    const { docs, tagAcc, textAcc, seen, touched, tagNorms, recency, sections } = this;
    const limit = this.depth;
    const doc = docs[i]!;
    let count = 0;
    for (const tag of doc.tags) {
      const idf2 = (this.tagIdf.get(tag) ?? Math.log(1 + docs.length)) ** 2;
      const ids = this.tagPostings.get(tag);
      if (!ids) continue;
      for (let k = 0; k < ids.length; k++) {
        const j = ids[k]!;
        if (seen[j] === 0) {
          seen[j] = 1;
          touched[count++] = j;
        }
        tagAcc[j]! += idf2;
      }
    }
    for (const [term, w] of doc.vector) {
      const postings = this.termPostings.get(term);
      if (!postings) continue;
      const { ids, weights } = postings;
      for (let k = 0; k < ids.length; k++) {
        const j = ids[k]!;
        if (seen[j] === 0) {
          seen[j] = 1;
          touched[count++] = j;
        }
        textAcc[j]! += w * weights[k]!;
      }
    }

    // The best `limit` by a linear scan: limit is tiny, candidates are many.
    const best: [number, number][] = [];
    let bar = -Infinity;
    const norm = tagNorms[i]!;
    const section = sections[i]!;
    for (let t = 0; t < count; t++) {
      const j = touched[t]!;
      if (j !== i) {
        const symmetric =
          RELATED_WEIGHTS.tags * (tagAcc[j]! / (norm * tagNorms[j]!)) +
          RELATED_WEIGHTS.text * textAcc[j]! +
          (sections[j] === section ? RELATED_WEIGHTS.section : 0);
        if (visit) visit(j, symmetric);
        const score = symmetric + RELATED_WEIGHTS.recency * recency[j]!;
        if (best.length < limit || score > bar) {
          best.push([j, score]);
          best.sort((a, b) => b[1] - a[1] || docs[a[0]]!.slug.localeCompare(docs[b[0]]!.slug));
          if (best.length > limit) best.pop();
          bar = best.length < limit ? -Infinity : best[best.length - 1]![1];
        }
      }
      tagAcc[j] = 0;
      textAcc[j] = 0;
      seen[j] = 0;
    }

    return best.map(([j, score]): [string, number] => [docs[j]!.slug, score]);
  }

  /** The editor's picks that are published articles, then the best ranked, as many as shown. */
  listOf(doc: RelatedDoc): string[] {
    const chosen: string[] = [];
    for (const slug of doc.picks) {
      const j = this.index.get(slug);
      if (j !== undefined && slug !== doc.slug && !this.docs[j]!.draft && !chosen.includes(slug)) {
        chosen.push(slug);
      }
    }
    for (const [slug] of doc.ranked) {
      if (chosen.length >= this.limit) break;
      if (!chosen.includes(slug)) chosen.push(slug);
    }
    return chosen.slice(0, this.limit);
  }

  /** A newcomer on a list, where its score puts it; the last goes when the list is full. */
  offer(doc: RelatedDoc, slug: string, score: number): void {
    const ranked = doc.ranked;
    if (ranked.length >= this.depth && score <= ranked[ranked.length - 1]![1]) return;
    let at = ranked.findIndex(
      ([other, s]) => score > s || (score === s && slug.localeCompare(other) < 0),
    );
    if (at < 0) at = ranked.length;
    ranked.splice(at, 0, [slug, score]);
    if (ranked.length > this.depth) ranked.pop();
  }

  /** What article j would score for article i's list, given the symmetric part. */
  scoreFor(j: number, symmetric: number): number {
    return symmetric + RELATED_WEIGHTS.recency * this.recency[j]!;
  }
}

/**
 * "You may also like" for every article: the slugs of up to `limit` others, best first.
 * Shared tags count by rarity (a tag on 3 articles says more than one on 300), then text
 * similarity (TF-IDF cosine over title, dek and body), the same section, and recency. Editors'
 * picks come first. Never the article itself, never a draft.
 */
export function rankAllRelated(inputs: RelatedInput[], { limit = 4 } = {}): RelatedState {
  const tfs = inputs.map((input) => termCounts(input.text));
  const df: Record<string, number> = {};
  for (const tf of tfs) for (const term of tf.keys()) df[term] = (df[term] ?? 0) + 1;
  const n = inputs.length;
  const docs = inputs.map((input, i) => docOf(input, vectorOf(tfs[i]!, df, n)));
  const newest = docs.reduce((max, doc) => Math.max(max, doc.time), -Infinity);
  const ranker = new Ranker(docs, limit, newest);
  docs.forEach((doc, i) => {
    doc.ranked = ranker.rank(i);
    doc.list = ranker.listOf(doc);
  });
  return { limit, n, df, newest, docs };
}

export function rankRelated(inputs: RelatedInput[], options: { limit?: number } = {}) {
  const state = rankAllRelated(inputs, options);
  return new Map(state.docs.map((doc) => [doc.slug, doc.list]));
}

/**
 * A publish's re-ranking, in time proportional to what it touches. A changed article gets a new
 * list; it is offered to every list it shares a tag or a term with, and takes its place where its
 * score beats one; a removed or changed article leaves every list, and the next candidate moves
 * up. Only a list left shorter than it shows is ranked again. Term weights stay those of the
 * last full ranking (a new article's terms are weighed against them), which a handful of
 * articles barely moves; every full build weighs everything again. Returns the slugs whose lists
 * changed.
 */
export function updateRelated(
  state: RelatedState,
  { upserts, removed }: { upserts: RelatedInput[]; removed: string[] },
): Set<string> {
  const gone = new Set([...removed, ...upserts.map((u) => u.slug)]);
  const before = new Map(state.docs.map((doc) => [doc.slug, doc.list]));
  const again = new Set<string>();
  state.docs = state.docs.filter((doc) => !gone.has(doc.slug));
  for (const doc of state.docs) {
    if (!doc.ranked.some(([slug]) => gone.has(slug))) continue;
    const full = doc.ranked.length >= state.limit;
    doc.ranked = doc.ranked.filter(([slug]) => !gone.has(slug));
    if (full && doc.ranked.length < state.limit) again.add(doc.slug);
  }
  for (const input of upserts) {
    const tf = termCounts(input.text);
    if (!before.has(input.slug)) {
      state.n += 1;
      for (const term of tf.keys()) state.df[term] = (state.df[term] ?? 0) + 1;
    }
    state.docs.push(docOf(input, vectorOf(tf, state.df, state.n)));
  }
  const ranker = new Ranker(state.docs, state.limit, state.newest);
  for (const input of upserts) {
    const i = ranker.indexOf(input.slug)!;
    const doc = state.docs[i]!;
    doc.ranked = ranker.rank(i, (j, symmetric) => {
      if (!doc.draft) ranker.offer(state.docs[j]!, doc.slug, ranker.scoreFor(i, symmetric));
    });
  }
  // Drafts are in no postings, so no newcomer reaches them that way; they are few, and an
  // editor previewing one should see the list it will have.
  for (const doc of state.docs) if (doc.draft) again.add(doc.slug);
  for (const slug of again) {
    const i = ranker.indexOf(slug);
    if (i !== undefined) state.docs[i]!.ranked = ranker.rank(i);
  }
  const changed = new Set<string>();
  for (const doc of state.docs) {
    doc.list = ranker.listOf(doc);
    const old = before.get(doc.slug);
    if (!old || old.join() !== doc.list.join()) changed.add(doc.slug);
  }
  for (const slug of removed) if (before.has(slug)) changed.add(slug);
  return changed;
}
