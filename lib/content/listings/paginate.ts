export type Page<T> = { items: T[]; page: number; totalPages: number };

/** Page `page` (1-based) of `items`; undefined past the last page, so the route can 404. */
export function paginate<T>(items: T[], page: number, size: number): Page<T> | undefined {
  const totalPages = Math.max(1, Math.ceil(items.length / size));
  if (!Number.isInteger(page) || page < 1 || page > totalPages) return undefined;
  return { items: items.slice((page - 1) * size, page * size), page, totalPages };
}

/** Route params for pages 2…n; page 1 lives at the listing's own URL. */
export function laterPages(count: number, size: number): string[] {
  const totalPages = Math.max(1, Math.ceil(count / size));
  return Array.from({ length: totalPages - 1 }, (_, i) => String(i + 2));
}

/** A page number from a URL; "02" or "2.0" would be a second address for page 2, so NaN. */
export function pageParam(param: string): number {
  return /^[1-9]\d*$/.test(param) ? Number(param) : NaN;
}
