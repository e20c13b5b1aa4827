// @ts-check
// Plain JavaScript so that next.config.js and proxy.ts read the same number.

/**
 * The largest request body the site accepts. A comment is at most 5,000 characters; the form
 * that comes back after an error carries it twice (the field and React's saved state), so a
 * reader's post stays well under this, and far under Next's own 1 MB (server actions) and
 * 10 MB (proxy) defaults.
 */
export const MAX_BODY_BYTES = 64 * 1024;
