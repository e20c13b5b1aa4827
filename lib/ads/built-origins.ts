/**
 * The ad origins this build's Content-Security-Policy admits (next.config.js puts them in the
 * code at build time). A script provider whose origins are not all here would be blocked by the
 * browser, so the site does not load it: the operator sees why in the server's log and deploys.
 */
export function builtAdOrigins(): string[] {
  return (process.env.MASTHEAD_AD_ORIGINS ?? '').split(' ').filter(Boolean);
}
