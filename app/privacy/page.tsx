import type { Metadata } from 'next';
import { getAds } from '@/lib/ads/settings';

export const metadata: Metadata = {
  title: 'Privacy',
  description: 'What Masthead stores when you comment, and why.',
};

export default function PrivacyPage() {
  const ads = getAds();
  const partner = ads?.provider === 'script' && ads.script ? new URL(ads.script.src).host : null;
  return (
    <div className="prose prose-neutral dark:prose-invert mx-auto max-w-3xl px-4 py-10">
      <h1>Privacy</h1>
      {partner ? (
        <p>
          Masthead uses no third-party analytics. Reading the site stores nothing about you on our
          servers; your browser keeps your light or dark theme and your advertising choice.
        </p>
      ) : (
        <p>
          Masthead does not use advertising trackers or third-party analytics. Reading the site
          stores nothing about you, except your light or dark theme choice, which stays in your
          browser.
        </p>
      )}
      {partner ? (
        <>
          <h2 id="choices">Advertising and your choices</h2>
          <p>
            Advertising pays for our reporting. Our advertising partner, {partner}, shows ads here
            only if you accept when we ask; until then, and if you decline, none of its code runs in
            your browser. It may set cookies and learn which of our pages you read. Your answer
            stays in your browser, and we ask again after six months.
          </p>
          <p>
            To change your answer, use “Privacy choices” at the foot of any page. Without
            JavaScript, no partner’s code ever runs. Our own promotions (newsletters, membership)
            involve no third party and need no consent.
          </p>
        </>
      ) : ads ? (
        <>
          <h2 id="choices">Advertising</h2>
          <p>
            The promotions you see on Masthead are our own (newsletters, membership, events). No
            advertising partner’s code runs on this site, so there is nothing to consent to.
          </p>
        </>
      ) : null}
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
