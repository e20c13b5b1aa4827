/**
 * PUBLISH_REMOTE may carry a token (`https://x-access-token:TOKEN@github.com/o/r.git`). Handed
 * to git as it is, the token sits in git's argv, which every user of the machine can read in
 * the process list, and in the message of a failed fetch, which goes to the server's log. So
 * the URL git is given has no userinfo, and the credential reaches git through its environment
 * (readable only by the same user): a credential helper configured by GIT_CONFIG_* variables
 * that prints the credential from two more variables.
 */

export type GitRemote = {
  /** The remote without userinfo: safe for argv and for messages. */
  url: string;
  /** Variables to add to git's environment (nothing when the remote carries no credential). */
  env: Record<string, string>;
};

const URL_WITH_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** The credential helper: answers `get` only, from the environment; `store` and `erase` do nothing. */
const HELPER =
  '!f() { test "$1" = get || exit 0; printf "username=%s\\npassword=%s\\n" "$MASTHEAD_GIT_USERNAME" "$MASTHEAD_GIT_PASSWORD"; }; f';

// The credential protocol is one `key=value` a line: a newline in a value would add lines.
const SAFE_CREDENTIAL = /^[^\0-\x1f\x7f]*$/;

/**
 * The remote as git should see it. `env` is the process's environment, for the GIT_CONFIG_*
 * entries an operator may have set already (ours are added after them).
 */
export function gitRemote(remote: string, env: Partial<Record<string, string>> = {}): GitRemote {
  if (!URL_WITH_SCHEME.test(remote)) return { url: remote, env: {} };
  let parsed: URL;
  try {
    parsed = new URL(remote);
  } catch {
    throw new Error(`PUBLISH_REMOTE is not a URL git can use: ${redactCredentials(remote)}`);
  }
  if (!parsed.username && !parsed.password) return { url: remote, env: {} };
  const username = decodeURIComponent(parsed.username);
  const password = decodeURIComponent(parsed.password);
  if (!SAFE_CREDENTIAL.test(username) || !SAFE_CREDENTIAL.test(password)) {
    throw new Error('the credential in PUBLISH_REMOTE contains control characters');
  }
  parsed.username = '';
  parsed.password = '';
  const first = Number.parseInt(env.GIT_CONFIG_COUNT ?? '0', 10) || 0;
  return {
    url: parsed.toString(),
    env: {
      // A fetch run by the server has nobody to answer a prompt: fail instead of waiting.
      GIT_TERMINAL_PROMPT: '0',
      GIT_CONFIG_COUNT: String(first + 2),
      // An empty helper clears those of the user's and system's configuration, so that a
      // `credential.helper=store` there never writes the token to disk.
      [`GIT_CONFIG_KEY_${first}`]: 'credential.helper',
      [`GIT_CONFIG_VALUE_${first}`]: '',
      // Scoped to the remote's origin: git offers it to no other host (a redirect elsewhere).
      [`GIT_CONFIG_KEY_${first + 1}`]: `credential.${parsed.origin}.helper`,
      [`GIT_CONFIG_VALUE_${first + 1}`]: HELPER,
      MASTHEAD_GIT_USERNAME: username,
      MASTHEAD_GIT_PASSWORD: password,
    },
  };
}

/**
 * Any `scheme://user:secret@` in `text` becomes `scheme://***@`, up to the last `@` before the
 * path (a password may hold one): for every message printed.
 */
export function redactCredentials(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/]*@/gi, '$1***@');
}
