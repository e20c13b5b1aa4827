import { Fragment } from 'react';
import { parseCommentText } from '@/lib/comments/text';

type CommentBodyProps = { body: string };

/** A reader's text as text: paragraphs and line breaks kept, web addresses linked, no markup. */
export function CommentBody({ body }: CommentBodyProps) {
  return (
    <div className="comment-body space-y-3">
      {parseCommentText(body).map((lines, p) => (
        <p key={p}>
          {lines.map((segments, l) => (
            <Fragment key={l}>
              {l > 0 ? <br /> : null}
              {segments.map((segment, s) =>
                segment.kind === 'link' ? (
                  <a key={s} href={segment.href} rel="nofollow ugc" className="underline break-all">
                    {segment.text}
                  </a>
                ) : (
                  <Fragment key={s}>{segment.text}</Fragment>
                ),
              )}
            </Fragment>
          ))}
        </p>
      ))}
    </div>
  );
}
