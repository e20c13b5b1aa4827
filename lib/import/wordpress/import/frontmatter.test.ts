import { parseFrontmatter } from '@/lib/content/build/frontmatter';
import { mdxFile } from './frontmatter';

describe('mdxFile', () => {
  it('keeps every hostile value a string, on its line, and the body after the frontmatter', () => {
    const values = {
      title: 'Yes: no # not a comment',
      dek: 'line one\n---\nsecond: line',
      tags: [
        '!!js/function "x"',
        '&anchor',
        '*alias',
        '{ flow: map }',
        '[list]',
        'null',
        'true',
        '0x10',
      ],
      author: '@handle',
      guid: 'https://old.example/?p=1&a=b',
    };
    const text = mdxFile('imported from WordPress (post 1)', values, '# Body\n\n---\n\nMore.');
    const parsed = parseFrontmatter(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual(values);
    expect(parsed.body.trim()).toBe('# Body\n\n---\n\nMore.');
  });

  it('leaves out fields that are not given', () => {
    const text = mdxFile('origin', { title: 'T', draft: undefined, sticky: true }, '');
    expect(text).toBe('---\n# origin\ntitle: "T"\nsticky: true\n---\n');
  });
});
