type CommentCountProps = { count: number };

export function CommentCount({ count }: CommentCountProps) {
  return (
    <a href="#comments" className="underline-offset-2 hover:underline">
      {count === 0 ? 'No comments yet' : count === 1 ? '1 comment' : `${count} comments`}
    </a>
  );
}
