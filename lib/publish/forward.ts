/**
 * Whether a pushed commit may be published: the site only moves forward (decision 018). A push
 * that GitHub delivers is normally the branch head when it is fetched; one that was overtaken by
 * a later push descends from what is live. Anything else (a replayed or redelivered old push) would
 * put old content back and undo every correction and takedown since, so it is refused.
 */
export type ForwardFacts = {
  /** The pushed commit. */
  commit: string;
  /** The branch head, as just fetched from PUBLISH_REMOTE. */
  head: string;
  /** The commit the live content version was built from, if it records one. */
  live: string | undefined;
  /** Whether `live` is an ancestor of `commit` (`git merge-base --is-ancestor`). */
  descendsFromLive: boolean;
};

export type ForwardVerdict = { publish: true } | { publish: false; reason: string };

export function forwardVerdict({
  commit,
  head,
  live,
  descendsFromLive,
}: ForwardFacts): ForwardVerdict {
  if (commit === head) return { publish: true };
  // Live already: publishing it again would only undo what was published over it since.
  if (commit === live) {
    return {
      publish: false,
      reason: `it is live already and is no longer the branch head (${head})`,
    };
  }
  if (live !== undefined && descendsFromLive) return { publish: true };
  return {
    publish: false,
    reason: `it is not the branch head (${head}) and does not descend from the live commit (${live ?? 'none recorded'}): an old push publishes nothing`,
  };
}
