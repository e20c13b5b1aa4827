/** One comment of a post as WordPress threads it. */
export type ThreadNode = {
  id: number;
  /** WordPress's comment_parent: 0 when the comment starts a thread. */
  parent: number;
  /** Whether it is imported (approved or held); the others can hold no replies in the store. */
  kept: boolean;
};

export type Placement = {
  /** The comment whose thread it joins in the store, or null when it starts one. */
  root: number | null;
  /** Its parent is not imported (missing, spam, trash, a pingback, …) or its chain loops. */
  reparented: boolean;
  /** It answered a reply: the store keeps one level, so it joins that reply's thread. */
  flattened: boolean;
};

/**
 * Where each imported comment goes in the store, which keeps threads one level deep (a reply
 * to a reply joins the thread of the comment that started it, as lib/comments/store.ts's
 * threadRootFor does for the site's own). A reply whose parent is not imported joins the
 * thread of its nearest imported ancestor, or starts a thread of its own when it has none:
 * its words stay in the conversation they answered as far as it survives.
 *
 * Iterative and linear: a chain thousands deep costs no stack, a loop of parents (which
 * WordPress never writes, but a file can) is broken where it is found.
 */
export function placeComments(nodes: readonly ThreadNode[]): Map<number, Placement> {
  const byId = new Map<number, ThreadNode>();
  for (const node of nodes) if (!byId.has(node.id)) byId.set(node.id, node);
  // For each comment seen: the thread root of the nearest imported comment at or above it.
  const rootAbove = new Map<number, number | null>();

  for (const start of byId.values()) {
    if (rootAbove.has(start.id)) continue;
    const path: ThreadNode[] = [];
    const onPath = new Set<number>();
    let base: number | null = null;
    let at: number = start.id;
    for (;;) {
      const known = rootAbove.get(at);
      if (known !== undefined) {
        base = known;
        break;
      }
      const node = byId.get(at);
      if (node === undefined || onPath.has(at)) break;
      path.push(node);
      onPath.add(at);
      if (node.parent === 0) break;
      at = node.parent;
    }
    for (let i = path.length - 1; i >= 0; i--) {
      const node = path[i];
      if (node === undefined) continue;
      base = node.kept ? (base ?? node.id) : base;
      rootAbove.set(node.id, base);
    }
  }

  const placements = new Map<number, Placement>();
  for (const node of byId.values()) {
    if (!node.kept) continue;
    const root = rootAbove.get(node.id) ?? node.id;
    const parentKept = byId.get(node.parent)?.kept === true;
    const reparented = node.parent !== 0 && (!parentKept || root === node.id);
    placements.set(node.id, {
      root: root === node.id ? null : root,
      reparented,
      flattened: !reparented && root !== node.id && root !== node.parent,
    });
  }
  return placements;
}
