import { COMPONENT_RULES } from '@/lib/content/mdx/component-rules';
import { mdxComponents } from './mdx-components';

it('checks at build time exactly the components editors can use', () => {
  expect(Object.keys(COMPONENT_RULES).sort()).toEqual(Object.keys(mdxComponents).sort());
});
