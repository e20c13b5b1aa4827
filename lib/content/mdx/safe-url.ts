const SAFE_SCHEMES = ['http', 'https', 'mailto', 'tel'];
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * The scheme of a link an article may not carry (`javascript`, `data`, `vbscript`, …), or null
 * when the URL is http(s), mailto, tel or relative. Browsers drop tabs and newlines anywhere in
 * a URL and leading spaces and control characters before reading its scheme, so this does too:
 * "java\tscript:" is javascript.
 */
export function refusedScheme(url: string): string | null {
  const cleaned = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  const scheme = SCHEME.exec(cleaned)?.[1]?.toLowerCase();
  return scheme === undefined || SAFE_SCHEMES.includes(scheme) ? null : scheme;
}

export const URL_FIX =
  'link with https://…, a path on this site such as /world/a-story, or mailto:';
