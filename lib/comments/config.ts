import 'server-only';
import { siteConfig } from '@/lib/site';
import { akismetFromEnv } from './akismet';
import { commentsSecret } from './secret';
import { holdWordsFromEnv } from './spam';

/** Comment settings from the environment, read per request so tests and operators can set them. */
export function commentsConfig(env: Partial<Record<string, string>> = process.env) {
  const akismet = akismetFromEnv(env, siteConfig.url);
  return {
    secret: commentsSecret(env),
    moderation: env.COMMENTS_MODERATION !== 'off',
    holdWords: holdWordsFromEnv(env),
    ...(akismet ? { akismet } : {}),
  };
}
