// Moderation from a terminal, on the same database the site uses (DATABASE_URL or COMMENTS_DB).
//   npm run comments -- list [--status pending|approved|spam|trash]
//   npm run comments -- approve ID [ID …] | spam ID … | trash ID … | delete ID …
//   --server <url>   the site to refresh (default SITE_URL, else http://localhost:3000)
// The changed articles are refreshed at once through the server (on every instance when they
// share a cache); a server that cannot be reached shows the change when the page regenerates.
import { createDb, configFromEnv, migrate } from '../lib/comments/db';
import { REVALIDATE_HEADER, revalidateBody } from '../lib/comments/revalidate-request';
import { commentsSecret } from '../lib/comments/secret';
import { signBody } from '../lib/publish/signature';
import { forTerminal } from '../lib/comments/sanitize';
import { deleteComments, listForModeration, setStatus } from '../lib/comments/store';
import { COMMENT_STATUSES, type CommentStatus } from '../lib/comments/types';

const USAGE = `usage: npm run comments -- list [--status ${COMMENT_STATUSES.join('|')}]
       npm run comments -- approve|spam|trash|delete ID [ID ...]`;

const SET: Record<string, CommentStatus> = { approve: 'approved', spam: 'spam', trash: 'trash' };

/** Asks the server to refresh the articles; says what became of it, never fails the command. */
async function refresh(server: string, slugs: string[]): Promise<string> {
  const body = revalidateBody(slugs);
  try {
    const response = await fetch(new URL('/api/revalidate', server), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [REVALIDATE_HEADER]: signBody(body, commentsSecret()),
      },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    if (response.ok) return `refreshed on ${server}`;
    return `${server} answered ${response.status}; the pages show it when they regenerate (30 s)`;
  } catch {
    return `${server} could not be reached; the pages show it when they regenerate (30 s)`;
  }
}

async function main(argv: string[]): Promise<number> {
  const serverFlag = argv.indexOf('--server');
  const server =
    (serverFlag >= 0 ? argv[serverFlag + 1] : undefined) ??
    process.env.SITE_URL ??
    'http://localhost:3000';
  if (serverFlag >= 0) argv = argv.filter((_, i) => i !== serverFlag && i !== serverFlag + 1);
  const [command, ...rest] = argv;
  const db = createDb(configFromEnv());
  try {
    await migrate(db);
    if (command === 'list') {
      const flag = rest.indexOf('--status');
      const status = (flag >= 0 ? rest[flag + 1] : 'pending') as CommentStatus;
      if (!COMMENT_STATUSES.includes(status)) {
        console.error(`unknown status "${status}"; use one of ${COMMENT_STATUSES.join(', ')}`);
        return 2;
      }
      const items = await listForModeration(db, status);
      for (const c of items) {
        const body = c.body.replace(/\s+/g, ' ');
        // Readers wrote these: shown with escapes, so no sequence in them reaches the terminal.
        const line = `${c.id}\t${c.created_at}\t${c.article_slug}\t${c.author_name}\t${body.length > 70 ? `${body.slice(0, 69)}…` : body}${c.held_reason ? `\t[held: ${c.held_reason}]` : ''}`;
        console.log(line.split('\t').map(forTerminal).join('\t'));
      }
      console.log(`${items.length} ${status} comment${items.length === 1 ? '' : 's'}`);
      return 0;
    }
    const ids = rest.map(Number);
    if (
      !command ||
      !(command in SET || command === 'delete') ||
      ids.length === 0 ||
      ids.some((id) => !Number.isInteger(id) || id <= 0)
    ) {
      console.error(USAGE);
      return 2;
    }
    const touched =
      command === 'delete'
        ? await deleteComments(db, ids)
        : await setStatus(db, ids, SET[command] as CommentStatus);
    if (touched.length === 0) {
      console.error(`no comment with id ${ids.join(', ')}`);
      return 1;
    }
    console.log(
      `${command === 'delete' ? 'deleted' : `${command === 'approve' ? 'approved' : command === 'spam' ? 'marked as spam' : 'trashed'}`}: ${ids.join(', ')} (articles: ${touched.join(', ')}; ${await refresh(server, touched)})`,
    );
    return 0;
  } finally {
    await db.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
