// Readers posting comments under load, through whatever the server is at each moment (killed,
// restarting, its database gone), and what of it reached the database: for the fault check.
import { setTimeout as sleep } from 'node:timers/promises';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { commentPoster, tokenWait } from './comment-form.mjs';

/**
 * `posters` readers on both paths (with and without JavaScript), for `seconds`, each comment's
 * text starting with `marker`, while `during()` does its damage, and for at least `after`
 * seconds once it has done it (a server restarting on a busy machine may take most of
 * `seconds`; what comes after is what the check asks about). Returns every answer by the
 * comment's text, with when it came; a request that got no answer at all is retried later.
 */
export async function load({
  base,
  articlePath,
  html,
  posters,
  seconds,
  marker,
  during,
  after = 0,
}) {
  const paths = ['nojs', 'js'].map((mode) => commentPoster({ base, articlePath, html, mode }));
  await sleep(tokenWait(paths[0].hidden));
  const answers = new Map();
  let sequence = 0;
  const deadline = Date.now() + seconds * 1000;
  const hardStop = deadline + 60_000;
  let doneAt = 0;
  const going = () => {
    const now = Date.now();
    if (now < deadline) return true;
    return now < hardStop && (doneAt === 0 || now < doneAt + after * 1000);
  };
  const damage = async () => {
    await during();
    doneAt = Date.now();
  };
  const loop = async (p) => {
    while (going()) {
      const n = ++sequence;
      const text = `${marker} comment ${n}`;
      try {
        const outcome = await paths[p % 2].post(
          { name: `Poster ${p}`, email: `p${p}-${n}@faults.example`, website: '', comment: text },
          `10.${(n >> 8) & 255}.${n & 255}.7`,
        );
        answers.set(text, { outcome, at: Date.now() });
      } catch {
        await sleep(100); // no server there: a reader would press the button again
      }
    }
  };
  await Promise.all([...Array.from({ length: posters }, (_, p) => loop(p)), damage()]);
  return answers;
}

/**
 * The answers counted: accepted (held or published), lost (accepted, not stored), 5xx, and
 * accepted after `since` (a restart or a recovery). Prints the figures under `label`.
 */
export function tally(answers, stored, label, since = 0) {
  const accepted = [...answers].filter(
    ([, a]) => a.outcome === 'held' || a.outcome === 'published',
  );
  const lost = accepted.filter(([text]) => !stored.has(text));
  const errors = [...answers].filter(([, a]) => /^HTTP 5/.test(a.outcome));
  const acceptedAfter = accepted.filter(([, a]) => a.at > since).length;
  console.log(
    `     ${label}: ${answers.size} answered, ${accepted.length} accepted, ${lost.length} of them lost, ` +
      `${errors.length} 5xx, ${answers.size - accepted.length - errors.length} refused with a message, ` +
      `${acceptedAfter} accepted after recovery`,
  );
  return { accepted: accepted.length, lost: lost.length, errors: errors.length, acceptedAfter };
}

/** The bodies of stored comments that match `pattern` (SQL LIKE), from SQLite or PostgreSQL. */
export async function storedTexts(db, pattern) {
  if (db.kind === 'sqlite') {
    const sqlite = new SQLite(db.file, { readonly: true });
    const rows = sqlite.prepare('select body from comments where body like ?').all(pattern);
    sqlite.close();
    return new Set(rows.map((r) => r.body));
  }
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const { rows } = await client.query('select body from comments where body like $1', [pattern]);
  await client.end();
  return new Set(rows.map((r) => r.body));
}
