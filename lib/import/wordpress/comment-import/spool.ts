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

/**
 * Prepared comments wait here, one JSON line each, while the export is read: then the
 * database's write lock is held only for writing them, not for reading a file of hundreds of
 * megabytes, and memory holds one post at a time however many comments the site has. The
 * lines hold readers' email addresses, so the folder is the process user's alone (mkdtemp
 * makes it 0700) and goes when the import ends, whatever the outcome.
 */
export class Spool {
  private readonly dir = mkdtempSync(path.join(tmpdir(), 'masthead-comments-'));
  private readonly file = path.join(this.dir, 'comments.jsonl');
  private readonly out: WriteStream = createWriteStream(this.file, { mode: 0o600 });
  private failure: Error | undefined;
  /** Lines not yet handed to the stream: one write a mebibyte, not one a comment. */
  private pending: string[] = [];
  private pendingSize = 0;

  constructor() {
    this.out.on('error', (error) => {
      this.failure = error;
    });
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

  /** Every post written, in the order written, one at a time. */
  async *posts(): AsyncGenerator<PreparedPost> {
    await this.drain();
    this.out.end();
    await once(this.out, 'close');
    if (this.failure) throw this.failure;
    const input = createReadStream(this.file, { highWaterMark: WRITE_AT });
    const lines = createInterface({ input, crlfDelay: Infinity });
    let post: PreparedPost | undefined;
    let wanted = { ready: 0, dropped: 0 };
    for await (const line of lines) {
      if (post === undefined) {
        const header = JSON.parse(line) as Header;
        post = {
          articleSlug: header.articleSlug,
          wpPostId: header.wpPostId,
          ready: [],
          dropped: [],
        };
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
    if (post !== undefined) throw new Error('comment import: the spool file ended mid-post');
  }

  dispose(): void {
    this.out.destroy();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async line(value: unknown): Promise<void> {
    const line = `${JSON.stringify(value)}\n`;
    this.pending.push(line);
    this.pendingSize += line.length;
    if (this.pendingSize >= WRITE_AT) await this.drain();
  }

  private async drain(): Promise<void> {
    if (this.failure) throw this.failure;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingSize = 0;
    if (text !== '' && !this.out.write(text)) await once(this.out, 'drain');
  }
}
