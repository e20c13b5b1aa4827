import type { AdSlotRequest } from './contract';

export type AdRuntimeOptions = {
  /** The script provider's script (content/ads.yaml, `script.src`). */
  src: string;
  /** How long the script may take to load and offer to fill, and a slot may stay empty. */
  provideMs: number;
  emptyMs: number;
};

/**
 * The script provider in the reader's browser (docs/decisions/016-advertising.md). It is not a
 * React component: the layout writes it into the page as one inline script, only when a script
 * provider is configured (components/ads/ad-runtime-script.tsx), so a site without one ships
 * none of it. It is serialised with `toString()`, so it uses nothing from outside its own body.
 *
 * It asks for consent in the banner the server rendered (hidden), loads the provider's script
 * once after consent, hands the script each slot as the slot nears the viewport, and shows the
 * ad-blocker notice the article rendered (hidden) when the script does not load, never offers
 * to fill, or leaves the slots it was given empty: at most once a week, never again in a
 * session once dismissed. Every read and write of storage survives storage that throws.
 */
export function adRuntime(options: AdRuntimeOptions): void {
  const CONSENT = 'masthead:ads-consent';
  const NOTICE_SHOWN = 'masthead:ads-notice-shown';
  const NOTICE_DISMISSED = 'masthead:ads-notice-dismissed';
  const DAY = 86_400_000;
  const CONSENT_DAYS = 180;
  const NOTICE_DAYS = 7;
  const WIDE = '(min-width: 768px)';

  const memory = new Map<string, string>();
  const read = (where: 'localStorage' | 'sessionStorage', key: string): string | null => {
    try {
      return window[where].getItem(key);
    } catch {
      return memory.get(where + key) ?? null;
    }
  };
  const write = (where: 'localStorage' | 'sessionStorage', key: string, value: string) => {
    try {
      window[where].setItem(key, value);
    } catch {
      memory.set(where + key, value);
    }
  };
  /** A stored time, or undefined for anything else a browser may hold under the key. */
  const stamp = (text: string | null | undefined) => {
    const at = Number(text);
    return text && Number.isFinite(at) && at > 0 ? at : undefined;
  };

  const consent = (): 'accepted' | 'declined' | undefined => {
    const [choice, at] = (read('localStorage', CONSENT) ?? '').split(':');
    const when = stamp(at);
    if ((choice !== 'accepted' && choice !== 'declined') || when === undefined) return undefined;
    return Date.now() - when < CONSENT_DAYS * DAY ? choice : undefined;
  };
  const noticeDue = () => {
    if (read('sessionStorage', NOTICE_DISMISSED) !== null) return false;
    const shown = stamp(read('localStorage', NOTICE_SHOWN));
    const now = Date.now();
    // A stamp from the future (a clock set wrong) does not silence the notice for good.
    return shown === undefined || now - shown >= NOTICE_DAYS * DAY || now < shown;
  };

  let status: 'idle' | 'loading' | 'ready' | 'blocked' = 'idle';
  let fill: ((slot: AdSlotRequest) => void) | undefined;
  const waiting: AdSlotRequest[] = [];
  const handed = new WeakSet<Element>();
  let observer: IntersectionObserver | undefined;

  const showNotice = () => {
    const notice = document.querySelector<HTMLElement>('[data-ad-notice]');
    if (!notice || !notice.hidden || !noticeDue()) return;
    write('localStorage', NOTICE_SHOWN, String(Date.now()));
    notice.hidden = false;
  };
  const blocked = () => {
    if (status === 'blocked') return;
    status = 'blocked';
    showNotice();
  };

  const request = (element: HTMLElement): AdSlotRequest | undefined => {
    const wide = window.matchMedia(WIDE).matches;
    const match = /^(\d+)x(\d+)$/.exec(
      (wide ? element.dataset.adDesktop : element.dataset.adPhone) ?? '',
    );
    const placement = element.closest<HTMLElement>('[data-placement]')?.dataset.placement;
    if (!match || !element.dataset.adSlot) return undefined;
    if (placement !== 'article' && placement !== 'listing' && placement !== 'footer') return;
    return {
      element,
      id: element.dataset.adSlot,
      placement,
      page: location.pathname,
      width: Number(match[1]),
      height: Number(match[2]),
    };
  };
  const hand = (slot: AdSlotRequest) => {
    if (!fill) {
      waiting.push(slot);
      return;
    }
    try {
      fill(slot);
    } catch (error) {
      console.error('masthead: the ad provider failed to fill a slot', error);
    }
    // Blocked, or nothing to show: either way the reader sees an empty box.
    window.setTimeout(() => {
      if (slot.element.isConnected && slot.element.childElementCount === 0) blocked();
    }, options.emptyMs);
  };
  /** This page's script slots, watched until each nears the viewport (also after navigation). */
  const watch = () => {
    // A browser too old to say what is near the viewport shows no ads rather than all at once.
    if (typeof IntersectionObserver === 'undefined') return;
    observer ??= new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting || handed.has(entry.target)) continue;
          handed.add(entry.target);
          observer?.unobserve(entry.target);
          const slot = request(entry.target as HTMLElement);
          if (slot) hand(slot);
        }
      },
      { rootMargin: '400px 0px' },
    );
    for (const box of document.querySelectorAll('[data-provider="script"] [data-ad-slot]')) {
      if (!handed.has(box)) observer.observe(box);
    }
  };
  const load = () => {
    // A story marked `ads: false` shows no slots: the partner has nothing to do on it.
    if (status !== 'idle' || document.querySelector('[data-no-ads]')) return;
    status = 'loading';
    window.mastheadAds = {
      version: 1,
      provide(given) {
        if (fill || typeof given !== 'function') return;
        fill = given;
        if (status === 'loading') status = 'ready';
        for (const slot of waiting.splice(0)) hand(slot);
      },
    };
    const script = document.createElement('script');
    script.src = options.src;
    script.async = true;
    script.addEventListener('error', blocked);
    script.addEventListener('load', () =>
      window.setTimeout(() => {
        if (!fill) blocked();
      }, options.provideMs),
    );
    document.head.append(script);
    watch();
  };

  const banner = () => document.querySelector<HTMLElement>('[data-ad-consent]');
  const ask = (focus: boolean) => {
    const element = banner();
    if (!element) return;
    const answer = consent();
    const said = element.querySelector('[data-ad-consent-current]');
    if (said) said.textContent = answer ? ` You have ${answer}.` : '';
    element.hidden = false;
    if (focus) element.querySelector<HTMLElement>('h2')?.focus();
  };
  const choose = (choice: 'accepted' | 'declined') => {
    const before = consent();
    write('localStorage', CONSENT, `${choice}:${Date.now()}`);
    const element = banner();
    if (element) element.hidden = true;
    // A loaded script cannot be unloaded: declining after accepting takes a fresh page.
    if (choice === 'declined' && before === 'accepted' && status !== 'idle') location.reload();
    if (choice === 'accepted') load();
  };

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const choice = target?.closest<HTMLElement>('[data-ad-choice]')?.dataset.adChoice;
    if (choice === 'accepted' || choice === 'declined') choose(choice);
    else if (target?.closest('[data-privacy-choices]')) {
      event.preventDefault();
      ask(true);
    } else if (target?.closest('[data-ad-notice-dismiss]')) {
      write('sessionStorage', NOTICE_DISMISSED, String(Date.now()));
      const notice = document.querySelector<HTMLElement>('[data-ad-notice]');
      if (notice) notice.hidden = true;
      // The button is gone; the reader goes on from the story, not from the top of the page.
      document.getElementById('article-body')?.focus({ preventScroll: true });
    }
  });

  // Client-side navigations bring new slots and a new article's notice.
  new MutationObserver(() => {
    if (consent() !== 'accepted') return;
    if (status === 'idle') load();
    else watch();
  }).observe(document.body, { childList: true, subtree: true });

  const answer = consent();
  if (answer === undefined) ask(false);
  else if (answer === 'accepted') load();
}
