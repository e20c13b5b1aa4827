import { errorCopy } from './error-copy';

describe('errorCopy', () => {
  it.each([
    ['/world/some-story', 'This story could not be shown just now'],
    ['/world/some-story/comment', 'This story could not be shown just now'],
    ['/world', 'This list of stories could not be shown just now'],
    ['/world/page/3', 'This list of stories could not be shown just now'],
    ['/tags/energy', 'This topic could not be shown just now'],
    ['/authors/ana', 'This author’s page could not be shown just now'],
    ['/search', 'Search is not working just now'],
    ['/admin/comments', 'The moderation page could not load'],
    ['/', 'Something went wrong on our side'],
  ])('names the kind of page that failed at %s', (path, title) => {
    expect(errorCopy(path).title).toBe(title);
  });

  it('falls back to the general message for no path or a hostile one', () => {
    expect(errorCopy(null).title).toBe('Something went wrong on our side');
    expect(errorCopy('//%00<script>').title).toBe(
      'This list of stories could not be shown just now',
    );
  });
});
