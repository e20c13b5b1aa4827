import { plainOrigin } from './plain-origin.js';

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

export type AdminOriginSetting =
  | { state: 'off' }
  | { state: 'invalid'; problem: string }
  | { state: 'on'; origin: string; hostname: string };

/**
 * ADMIN_ORIGIN (`https://admin.example.org`): the one host the admin area and preview answer on,
 * so that no script of a public page (an ad provider's, or an injection) ever runs on the origin
 * whose cookie signs a moderator in (docs/decisions/019). A plain origin, and a host other than
 * SITE_URL's: browsers keep cookies per host, not per port, so a port of its own separates
 * nothing.
 */
export function adminOrigin(env: Env = process.env): AdminOriginSetting {
  const value = env.ADMIN_ORIGIN;
  if (value === undefined || value === '') return { state: 'off' };
  const origin = plainOrigin(value);
  const shown = JSON.stringify(value.slice(0, 200));
  if (!origin) {
    return {
      state: 'invalid',
      problem: `ADMIN_ORIGIN ${shown} is not an origin: write the scheme, host and optional port only, such as https://admin.example.org.`,
    };
  }
  const site = URL.canParse(env.SITE_URL ?? '') ? new URL(env.SITE_URL ?? '').hostname : '';
  if (origin.host === site.toLowerCase()) {
    return {
      state: 'invalid',
      problem: `ADMIN_ORIGIN ${shown} has the host of SITE_URL; browsers share cookies across ports, so it needs a host of its own, such as admin.${site}.`,
    };
  }
  return { state: 'on', origin: origin.origin, hostname: origin.host };
}

/** Settings the server refuses to start with (instrumentation.ts), each naming its setting. */
export function startupRefusals(env: Env = process.env): string[] {
  const admin = adminOrigin(env);
  return admin.state === 'invalid' ? [admin.problem] : [];
}
