/**
 * ADMIN_PASSWORD, PREVIEW_SECRET and PUBLISH_SECRET each switch on a way past the public site. Either one is
 * refused, and its area stays off, when it is shorter than this: the throttle slows guessing
 * (lib/security/throttle.ts), but a short secret falls to a patient script all the same.
 */
export const MIN_SECRET_LENGTH = 12;

export type SecretSetting =
  { state: 'off' } | { state: 'too-short'; length: number } | { state: 'on'; value: string };

type Env = Partial<Record<string, string>>;

/** Counted in characters, not UTF-16 units: "passphrase" is about what a person types. */
function setting(value: string | undefined): SecretSetting {
  if (!value) return { state: 'off' };
  const length = [...value].length;
  return length < MIN_SECRET_LENGTH ? { state: 'too-short', length } : { state: 'on', value };
}

export const adminPassword = (env: Env = process.env) => setting(env.ADMIN_PASSWORD);
export const previewSecret = (env: Env = process.env) => setting(env.PREVIEW_SECRET);
export const publishSecret = (env: Env = process.env) => setting(env.PUBLISH_SECRET);

/** What the server says at start about settings it refuses (instrumentation.ts). */
export function configurationProblems(env: Env = process.env): string[] {
  const problems: string[] = [];
  for (const [name, value] of [
    ['ADMIN_PASSWORD', adminPassword(env)],
    ['PREVIEW_SECRET', previewSecret(env)],
    ['PUBLISH_SECRET', publishSecret(env)],
  ] as const) {
    if (value.state === 'too-short') {
      const area = {
        ADMIN_PASSWORD: 'the admin area',
        PREVIEW_SECRET: 'preview',
        PUBLISH_SECRET: 'publishing over HTTP',
      }[name];
      problems.push(
        `${name} has ${value.length} character${value.length === 1 ? '' : 's'}; it needs at least ${MIN_SECRET_LENGTH}, so ${area} stays off.`,
      );
    }
  }
  return problems;
}
