import { isAtomId } from './feed-id';

describe('isAtomId', () => {
  it.each([
    ['an address', 'http://old.example/?p=1', true],
    ['a tag URI', 'tag:old.example,2019:post-1', true],
    ['a URN', 'urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6', true],
    ['a number', '12345', false],
    ['a script', 'javascript:alert(1)', false],
    ['a relative path', '/?p=1', false],
  ])('%s', (_, guid, expected) => {
    expect(isAtomId(guid)).toBe(expected);
  });
});
