import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import jsxA11y from 'eslint-plugin-jsx-a11y';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  // eslint-config-next registers the jsx-a11y plugin with a handful of rules; we want all of them.
  {
    files: ['**/*.{jsx,tsx}'],
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // A region that scrolls must take keyboard focus, or keyboard users cannot scroll it.
      'jsx-a11y/no-noninteractive-tabindex': ['error', { roles: ['tabpanel', 'region'] }],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      // `const { drop, ...keep } = x` is how we omit a field.
      '@typescript-eslint/no-unused-vars': ['warn', { ignoreRestSiblings: true }],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "TSTypeReference[typeName.right.name='FC'], TSTypeReference[typeName.name='FC']",
          message: 'Type props directly instead of React.FC.',
        },
        {
          // Prefetching every link in view kept a phone's main thread busy at start-up for
          // pages a reader mostly never opens (issue 20, decision 029).
          selector:
            "JSXOpeningElement[name.name='Link']:not(:has(JSXAttribute[name.name='prefetch']))",
          message:
            'Give next/link prefetch={false} (decision 029), or say why this link prefetches.',
        },
        {
          // next/image's component is hydrated on the client; ServerImage renders the same <img>.
          selector: "ImportDeclaration[source.value='next/image'] ImportDefaultSpecifier",
          message: 'Use ServerImage (components/media/server-image.tsx) (decision 029).',
        },
      ],
    },
  },
  globalIgnores([
    'node_modules/**',
    '.next/**',
    '.masthead/**',
    'test-results/**',
    'playwright-report/**',
    'bench/.scratch/**',
    'test/.scratch/**',
    'reports/**',
    'next-env.d.ts',
  ]),
]);
