import type { Metadata } from 'next';

export const metadata: Metadata = {
  title: 'Privacy',
  description: 'What Masthead stores when you comment, and why.',
};

export default function PrivacyPage() {
  return (
    <div className="prose prose-neutral dark:prose-invert mx-auto max-w-3xl px-4 py-10">
      <h1>Privacy</h1>
      <p>
        Masthead does not use advertising trackers or third-party analytics. Reading the site stores
        nothing about you, except your light or dark theme choice, which stays in your browser.
      </p>
      <h2>When you comment</h2>
      <ul>
        <li>
          <strong>Shown with your comment:</strong> the name and website you give, your comment and
          the date.
        </li>
        <li>
          <strong>Kept but never shown:</strong> your email address, used to recognise returning
          commenters so their comments appear without waiting, and to contact you about a comment if
          we must.
        </li>
        <li>
          <strong>Your network address is not stored.</strong> We keep only a one-way, salted hash
          of its first part (the /24 network for IPv4, /48 for IPv6), to limit how fast comments can
          be posted from one place.
        </li>
        <li>
          <strong>Spam filtering:</strong> a hidden field and a timer catch automated posts. If the
          site is set up to use Akismet, your comment, name, email, website and network address are
          sent to Akismet (Automattic) to check for spam.
        </li>
        <li>
          <strong>Saved in your browser:</strong> if you tick “Save my name, email, and website”,
          those three are kept in your browser’s local storage, never on our servers as a cookie.
        </li>
      </ul>
      <p>
        To have a comment removed, write to the newsroom with a link to it. Moderators can delete it
        together with everything stored about it.
      </p>
    </div>
  );
}
