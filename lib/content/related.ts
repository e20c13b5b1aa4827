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
  /** Its ranked list, and the score of the last one on it (what a newcomer must beat). */
  list: string[];
  floor: number;
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
    floor: -Infinity,
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

  constructor(
    private readonly docs: RelatedDoc[],
    private readonly limit: number,
    newest: number,
  ) {
    const n = docs.length;
    const tags = new Map<string, number[]>();
    const termLists = new Map<string, [number, number][]>();
    docs.forEach((doc, i) => {
      this.index.set(doc.slug, i);
      if (doc.draft) return;
      for (const tag of doc.tags) {
        const list = tags.get(tag);
        if (list) list.push(i);
        else tags.set(tag, [i]);
      }
      for (const [term, w] of doc.vector) {
        const list = termLists.get(term);
        if (list) list.push([i, w]);
        else termLists.set(term, [[i, w]]);
      }
    });
    for (const [tag, list] of tags) {
      this.tagIdf.set(tag, Math.log(1 + n / list.length));
      if (list.length > TAG_POSTINGS) {
        list.sort((a, b) => docs[b]!.time - docs[a]!.time);
        list.length = TAG_POSTINGS;
      }
      this.tagPostings.set(tag, Int32Array.from(list));
    }
    for (const [term, list] of termLists) {
      if (list.length > POSTINGS_PER_TERM) {
        list.sort((a, b) => b[1] - a[1]);
        list.length = POSTINGS_PER_TERM;
      }
      this.termPostings.set(term, {
        ids: Int32Array.from(list, ([i]) => i),
        weights: Float64Array.from(list, ([, w]) => w),
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
  rank(
    i: number,
    visit?: (j: number, symmetric: number) => void,
  ): { list: string[]; floor: number } {
    // Hot loop (every article times its neighbours): locals and indexed loops only.
    const { docs, tagAcc, textAcc, seen, touched, tagNorms, recency, sections, limit } = this;
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

    const picks = doc.picks.filter((slug) => {
      const j = this.index.get(slug);
      return j !== undefined && j !== i && !docs[j]!.draft;
    });
    const chosen = [...new Set(picks)];
    for (const [j] of best) {
      const slug = docs[j]!.slug;
      if (!chosen.includes(slug)) chosen.push(slug);
    }
    return {
      list: chosen.slice(0, this.limit),
      floor: bar,
    };
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
  docs.forEach((doc, i) => Object.assign(doc, ranker.rank(i)));
  return { limit, n, df, newest, docs };
}

export function rankRelated(inputs: RelatedInput[], options: { limit?: number } = {}) {
  const state = rankAllRelated(inputs, options);
  return new Map(state.docs.map((doc) => [doc.slug, doc.list]));
}

/**
 * A publish's re-ranking: the changed articles get new lists, and so does every article whose
 * list loses one of them or that one of them now beats its last entry. Term weights stay those
 * of the last full ranking (a new article's terms are weighed against them), which a handful of
 * articles barely moves; every full build weighs everything again. Returns the slugs whose
 * lists changed.
 */
export function updateRelated(
  state: RelatedState,
  { upserts, removed }: { upserts: RelatedInput[]; removed: string[] },
): Set<string> {
  const gone = new Set([...removed, ...upserts.map((u) => u.slug)]);
  const before = new Map(state.docs.map((doc) => [doc.slug, doc.list]));
  const dirty = new Set<string>();
  for (const doc of state.docs) {
    if (!gone.has(doc.slug) && doc.list.some((slug) => gone.has(slug))) dirty.add(doc.slug);
  }
  state.docs = state.docs.filter((doc) => !gone.has(doc.slug));
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
    Object.assign(
      doc,
      ranker.rank(i, (j, symmetric) => {
        const other = state.docs[j]!;
        if (doc.draft) return;
        if (other.list.length < state.limit || ranker.scoreFor(i, symmetric) > other.floor) {
          dirty.add(other.slug);
        }
      }),
    );
  }
  // Drafts are in no postings, so no newcomer reaches them that way; they are few, and an
  // editor previewing one should see the list it will have.
  for (const doc of state.docs) if (doc.draft) dirty.add(doc.slug);
  for (const slug of dirty) {
    const i = ranker.indexOf(slug);
    if (i !== undefined && !gone.has(slug)) Object.assign(state.docs[i]!, ranker.rank(i));
  }
  const changed = new Set<string>();
  for (const doc of state.docs) {
    const old = before.get(doc.slug);
    if (!old || old.join() !== doc.list.join()) changed.add(doc.slug);
  }
  for (const slug of removed) if (before.has(slug)) changed.add(slug);
  return changed;
}
