export type AkismetConfig = { apiKey: string; endpoint: string; blog: string };

export type AkismetVerdict = 'spam' | 'ham' | 'unavailable';

export type AkismetComment = {
  userIp: string;
  userAgent: string;
  permalink: string;
  author: string;
  email: string;
  url?: string;
  content: string;
};

export function akismetFromEnv(
  env: Partial<Record<string, string>>,
  siteUrl: string,
): AkismetConfig | undefined {
  if (!env.AKISMET_API_KEY) return undefined;
  return {
    apiKey: env.AKISMET_API_KEY,
    // Overridable so tests can stand up a local server that answers like Akismet.
    endpoint: env.AKISMET_ENDPOINT ?? 'https://rest.akismet.com/1.1/comment-check',
    blog: siteUrl,
  };
}

export const AKISMET_TIMEOUT_MS = 3_000;

/**
 * Asks Akismet's comment-check. Anything but a clear "true" or "false" — a timeout, a network
 * error, an invalid key — is 'unavailable', and the caller holds the comment for a person.
 */
export async function checkWithAkismet(
  config: AkismetConfig,
  comment: AkismetComment,
  timeoutMs = AKISMET_TIMEOUT_MS,
): Promise<AkismetVerdict> {
  const body = new URLSearchParams({
    api_key: config.apiKey,
    blog: config.blog,
    user_ip: comment.userIp,
    user_agent: comment.userAgent,
    permalink: comment.permalink,
    comment_type: 'comment',
    comment_author: comment.author,
    comment_author_email: comment.email,
    comment_content: comment.content,
    ...(comment.url ? { comment_author_url: comment.url } : {}),
  });
  try {
    const response = await fetch(config.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = (await response.text()).trim();
    if (response.ok && text === 'true') return 'spam';
    if (response.ok && text === 'false') return 'ham';
    return 'unavailable';
  } catch {
    return 'unavailable';
  }
}
