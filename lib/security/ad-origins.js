// @ts-check
// Plain JavaScript so that next.config.js can read it at build time: the origins an ad
// provider's script loads from are what the Content-Security-Policy admits besides the site's
// own, and only when content/ads.yaml names a script provider (docs/decisions/016).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * The origins of the script provider's script and of the other addresses it names, or none
 * when the provider is not `script`. Whatever does not parse as a URL is left out: the content
 * build has refused such a file already, at its line.
 * @param {unknown} config content/ads.yaml as data
 * @returns {string[]}
 */
export function adOrigins(config) {
  if (!config || typeof config !== 'object') return [];
  const { provider, script } = /** @type {{ provider?: unknown; script?: unknown }} */ (config);
  if (provider !== 'script' || !script || typeof script !== 'object') return [];
  const { src, origins } = /** @type {{ src?: unknown; origins?: unknown }} */ (script);
  const urls = [src, ...(Array.isArray(origins) ? origins : [])];
  const found = urls.flatMap((url) =>
    typeof url === 'string' && URL.canParse(url) && /^https?:$/.test(new URL(url).protocol)
      ? [new URL(url).origin]
      : [],
  );
  return [...new Set(found)];
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
