import { adRuntime } from '@/lib/ads/browser-runtime';

type AdRuntimeScriptProps = { src: string };

/** Seconds the script has to load and offer to fill, and a handed slot may stay empty. */
const TIMINGS = { provideMs: 5_000, emptyMs: 6_000 };

/**
 * The script provider's browser code as one inline script, written into the page only when a
 * script provider is configured: a page without one carries none of it, and no React island
 * loads it (docs/decisions/016). `<` is escaped so no setting can close the element.
 */
export function AdRuntimeScript({ src }: AdRuntimeScriptProps) {
  const options = JSON.stringify({ src, ...TIMINGS }).replace(/</g, '\\u003c');
  return <script dangerouslySetInnerHTML={{ __html: `(${adRuntime.toString()})(${options})` }} />;
}
