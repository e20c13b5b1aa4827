/** What `npm run publish` sends: the version it wrote, and when, so a recorded request expires. */
export type PublishRequest = { version: string; sentAt: number };

/** What the endpoint answers once the version is what readers get. */
export type PublishAnswer = { live: string; revalidated: number; tookMs: number };

/** A signed request older (or newer) than this is refused: a replayed one does nothing new. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export const VERSION_ID = /^\d{8}-\d{9}-[0-9a-f]{6}$/;

/** The header instrumentation.ts's watcher signs its own requests with. */
export const INTERNAL_HEADER = 'x-masthead-internal';

/** Where the process keeps the watcher's token: instrumentation and the route are bundled apart. */
export const INTERNAL_TOKEN_KEY = Symbol.for('masthead.publish-internal-token');
