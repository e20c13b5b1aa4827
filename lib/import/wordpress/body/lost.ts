/**
 * What a body lost on the way, each kind said once with how many times it happened: a post
 * with forty pictures that could not be had reads "… (40 times)", not forty lines.
 */
export class LostList {
  private readonly counts = new Map<string, number>();

  add(what: string): void {
    this.counts.set(what, (this.counts.get(what) ?? 0) + 1);
  }

  list(): string[] {
    return [...this.counts].map(([what, count]) =>
      count === 1 ? what : `${what} (${count} times)`,
    );
  }
}
