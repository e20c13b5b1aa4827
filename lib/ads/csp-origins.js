// @ts-check
// Plain JavaScript so that next.config.js can read it at build time: the origins an ad
// provider's script loads from are what the Content-Security-Policy admits besides the site's
// own, and only when content/ads.yaml names a script provider (docs/decisions/016).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { LOOPBACK_HOSTS, plainOrigin } from '../security/plain-origin.js';

/**
 * An origin the policy may admit for advertising: a plain origin (lib/security/plain-origin.js),
 * https, or http on this machine only (a development ad server), since a page would otherwise
 * run code anyone on the network could replace.
 * @param {unknown} value
 * @returns {string | undefined}
 */
export function adOrigin(value) {
  const origin = plainOrigin(value);
  if (!origin) return undefined;
  if (origin.scheme === 'http' && !LOOPBACK_HOSTS.includes(origin.host)) return undefined;
  return origin.origin;
}

/**
 * The origin of the ad server's script address, or undefined unless the address is printable
 * ASCII (no space, newline or Unicode the URL parser would quietly drop or convert), has no user
 * or password, and its origin is one adOrigin admits (`https://*` /tag.js names no host).
 * @param {unknown} src
 * @returns {string | undefined}
 */
export function scriptSrcOrigin(src) {
  if (typeof src !== 'string' || !/^[\x21-\x7e]+$/.test(src) || !URL.canParse(src)) {
    return undefined;
  }
  const url = new URL(src);
  if (url.username || url.password) return undefined;
  return adOrigin(url.origin);
}

/**
 * The origins of the script provider's script and of the other origins it names, or none when
 * the provider is not `script`. Anything that is not a plain origin is left out: the content
 * build has refused such a file already, at its line, and this is the second line of defence
 * for the policy next.config.js writes.
 * @param {unknown} config content/ads.yaml as data
 * @returns {string[]}
 */
export function adOrigins(config) {
  if (!config || typeof config !== 'object') return [];
  const { provider, script } = /** @type {{ provider?: unknown; script?: unknown }} */ (config);
  if (provider !== 'script' || !script || typeof script !== 'object') return [];
  const { src, origins } = /** @type {{ src?: unknown; origins?: unknown }} */ (script);
  const found = [scriptSrcOrigin(src), ...(Array.isArray(origins) ? origins.map(adOrigin) : [])];
  return [...new Set(found.filter((origin) => origin !== undefined))];
}

/**
 * What the build's content/ads.yaml admits, read when next.config.js loads.
 * @param {string} contentDir
 * @returns {string[]}
 */
export function adOriginsOfFile(contentDir) {
  const file = path.join(contentDir, 'ads.yaml');
  if (!existsSync(file)) return [];
  try {
    return adOrigins(parse(readFileSync(file, 'utf8')));
  } catch {
    return [];
  }
}
