import { once } from 'node:events';
import {
  createReadStream,
  createWriteStream,
  mkdtempSync,
  rmSync,
  type WriteStream,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { DroppedComment, PreparedPost, ReadyComment } from './prepare';

const WRITE_AT = 1024 * 1024;

type Header = { articleSlug: string; wpPostId: number; ready: number; dropped: number };

/** Spool folders in use, removed if the process ends before their import does. */
const live = new Set<string>();
let exitHook = false;

function removeOnExit(dir: string): void {
  live.add(dir);
  if (exitHook) return;
  exitHook = true;
  process.once('exit', () => {
    for (const folder of live) rmSync(folder, { recursive: true, force: true });
  });
}

type Opened = { dir: string; file: string; out: WriteStream };

/**
 * Prepared comments wait here, one JSON line each, while the export is read: then the
 * database's write lock is held only for writing them, not for reading a file of hundreds of
 * megabytes, and memory holds one post at a time however many comments the site has. The
 * lines hold readers' email addresses, so the folder is the process user's alone (mkdtemp
 * makes it 0700), made only when the first comment arrives, and removed when the import ends
 * whatever the outcome, or when the process exits with an import left unfinished.
 */
export class Spool {
  private opened: Opened | undefined;
  private failure: Error | undefined;
  /** Lines not yet handed to the stream: one write a mebibyte, not one a comment. */
  private pending: string[] = [];
  private pendingSize = 0;

  private open(): Opened {
    if (this.opened) return this.opened;
    const dir = mkdtempSync(path.join(tmpdir(), 'masthead-comments-'));
    removeOnExit(dir);
    const file = path.join(dir, 'comments.jsonl');
    const out = createWriteStream(file, { mode: 0o600 });
    out.on('error', (error) => {
      this.failure = error;
    });
    this.opened = { dir, file, out };
    return this.opened;
  }

  async write(post: PreparedPost): Promise<void> {
    const header: Header = {
      articleSlug: post.articleSlug,
      wpPostId: post.wpPostId,
      ready: post.ready.length,
      dropped: post.dropped.length,
    };
    await this.line(header);
    for (const comment of post.ready) await this.line(comment);
    for (const comment of post.dropped) await this.line(comment);
  }

  /**
   * Every post written, in the order written, one at a time. An import of under a mebibyte
   * never reached the disk: its lines are read from memory.
   */
  async *posts(): AsyncGenerator<PreparedPost> {
    if (this.opened === undefined) {
      const lines = this.pending.join('').split('\n');
      this.pending = [];
      this.pendingSize = 0;
      yield* readPosts(lines.filter((line) => line !== ''));
      return;
    }
    await this.drain();
    const { file, out } = this.opened;
    out.end();
    await once(out, 'close');
    if (this.failure) throw this.failure;
    const input = createReadStream(file, { highWaterMark: WRITE_AT });
    yield* readPosts(createInterface({ input, crlfDelay: Infinity }));
  }

  dispose(): void {
    if (this.opened === undefined) return;
    this.opened.out.destroy();
    rmSync(this.opened.dir, { recursive: true, force: true });
    live.delete(this.opened.dir);
  }

  private async line(value: unknown): Promise<void> {
    // Until a mebibyte has gathered the folder is not made at all.
    const line = `${JSON.stringify(value)}\n`;
    this.pending.push(line);
    this.pendingSize += line.length;
    if (this.pendingSize >= WRITE_AT) await this.drain();
  }

  private async drain(): Promise<void> {
    const { out } = this.open();
    if (this.failure) throw this.failure;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingSize = 0;
    if (text !== '' && !out.write(text)) await once(out, 'drain');
  }
}

/** Posts back from their lines: a header, then its ready and its dropped comments. */
async function* readPosts(
  lines: AsyncIterable<string> | Iterable<string>,
): AsyncGenerator<PreparedPost> {
  let post: PreparedPost | undefined;
  let wanted = { ready: 0, dropped: 0 };
  for await (const line of lines) {
    if (post === undefined) {
      const header = JSON.parse(line) as Header;
      post = { articleSlug: header.articleSlug, wpPostId: header.wpPostId, ready: [], dropped: [] };
      wanted = { ready: header.ready, dropped: header.dropped };
    } else if (post.ready.length < wanted.ready) {
      post.ready.push(JSON.parse(line) as ReadyComment);
    } else {
      post.dropped.push(JSON.parse(line) as DroppedComment);
    }
    if (post.ready.length === wanted.ready && post.dropped.length === wanted.dropped) {
      yield post;
      post = undefined;
    }
  }
  if (post !== undefined) throw new Error('comment import: the spool ended mid-post');
}
