/** What an error boundary tells the reader, in the words of the kind of page that failed. */
export type ErrorCopy = { title: string; advice: string };

const LATER = 'Please try again in a moment, or go to the front page.';

/**
 * One boundary serves every page (there is one layout, so a boundary per route would only
 * change the words, and each would ship its own copy of the notice); the path says which
 * words. Anything it does not recognise gets the general message.
 */
export function errorCopy(pathname: string | null): ErrorCopy {
  const parts = (pathname ?? '/').split('/').filter(Boolean);
  const [first, second] = parts;
  if (first === 'admin') {
    return {
      title: 'The moderation page could not load',
      advice:
        'The comment database may be unavailable. Comments readers post meanwhile are refused with a message and nothing is lost; try again in a moment.',
    };
  }
  if (first === 'search') {
    return {
      title: 'Search is not working just now',
      advice: 'Please try again in a moment, or browse the sections above.',
    };
  }
  if (first === 'tags') return { title: 'This topic could not be shown just now', advice: LATER };
  if (first === 'authors') {
    return { title: 'This author’s page could not be shown just now', advice: LATER };
  }
  if (first !== undefined && second !== undefined && second !== 'page') {
    return {
      title: 'This story could not be shown just now',
      advice:
        'The rest of the site is working. Please try again in a moment, or read the latest stories on the front page.',
    };
  }
  if (first !== undefined) {
    return { title: 'This list of stories could not be shown just now', advice: LATER };
  }
  return {
    title: 'Something went wrong on our side',
    advice: 'This page could not be shown just now. Please try again in a moment.',
  };
}
