import { execFileSync } from 'node:child_process';

/** A process and all its descendants, from one `ps` snapshot, with the RSS of each in KiB. */
export function processTree(root: number): Map<number, number> {
  const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number, number]);
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const [pid, ppid, kib] of rows) {
    rss.set(pid, kib);
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const tree = new Map<number, number>();
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    tree.set(pid, rss.get(pid) ?? 0);
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** Sum of RSS over a process and all its descendants, in KiB. */
export function treeRssKiB(root: number): number {
  let total = 0;
  for (const kib of processTree(root).values()) total += kib;
  return total;
}
