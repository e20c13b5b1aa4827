import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeTestVersion } from '@/test/support/content-version';
import { routesFile } from './routes-file';
import type { ArticleMeta, ContentIndex } from '../content/schema/types';
import { decideRoute } from './decide';
import { testArticle } from '@/test/support/article-meta';

const PREVIEW_ID = '81c76063a2fa293aed7b2a10c8b34cea';

const article = (slug: string, over: Partial<ArticleMeta> = {}) =>
  testArticle(slug, { tags: ['Ukraine war'], ...over });

const index = (articles: ArticleMeta[]): ContentIndex => ({
  articles,
  authors: [{ id: 'omar', name: 'Omar', url: '/authors/omar', bioCode: '' }],
  sections: [{ id: 'world', name: 'World', description: '', order: 1, url: '/world' }],
});

let root: string;
const writeRoutes = (content: ContentIndex) =>
  writeTestVersion(root, { 'routes.json': JSON.stringify(routesFile(content)) });
// Each test gets the module afresh: it keeps what it read, as the running proxy does.
let { siteRoutes, isPreviewCookie, isPublicFile } = await import('./site-routes');
beforeEach(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'masthead-routes-'));
  vi.spyOn(process, 'cwd').mockReturnValue(root);
  vi.useFakeTimers({ now: Date.parse('2026-06-01T00:00:00Z'), toFake: ['Date'] });
  vi.resetModules();
  ({ siteRoutes, isPreviewCookie, isPublicFile } = await import('./site-routes'));
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  rmSync(root, { recursive: true, force: true });
});

describe('siteRoutes', () => {
  it('reads what the content build writes, and a new build without a restart', () => {
    writeRoutes(index([article('kim'), article('secret', { draft: true })]));
    const table = siteRoutes()!;
    expect(decideRoute('/world/kim', table)).toBe('allow');
    // Tags are slugged as the topic pages slug them.
    expect(decideRoute('/tags/ukraine-war', table)).toBe('allow');
    expect(decideRoute('/world/secret', table)).toBe('preview');
    expect(decideRoute('/world/fresh', table)).toBe('not-found');

    writeRoutes(index([article('kim'), article('fresh')]));
    vi.setSystemTime(Date.now() + 1000);
    expect(decideRoute('/world/fresh', siteRoutes()!)).toBe('allow');
    expect(decideRoute('/world/secret', siteRoutes()!)).toBe('not-found');
  });

  it('publishes a scheduled article when its time comes, without a new build', () => {
    writeRoutes(index([article('soon', { date: '2026-06-01T12:00:00Z' })]));
    expect(decideRoute('/world/soon', siteRoutes()!)).toBe('preview');
    vi.setSystemTime(Date.parse('2026-06-01T12:00:00Z'));
    expect(decideRoute('/world/soon', siteRoutes()!)).toBe('allow');
  });
});

describe('isPreviewCookie', () => {
  // Outside production (vitest runs as "test"), Next's build folder is .next/dev.
  const writeId = (id: unknown) => {
    mkdirSync(path.join(root, '.next', 'dev', 'server'), { recursive: true });
    writeFileSync(
      path.join(root, '.next', 'dev', 'server', 'preview-props.json'),
      JSON.stringify({ previewModeId: id }),
    );
  };

  it('accepts the cookie Next’s draft mode sets, with this build’s id', () => {
    writeId(PREVIEW_ID);
    expect(isPreviewCookie(PREVIEW_ID)).toBe(true);
  });

  it.each([
    ['a forged value', 'forged'],
    ['an empty value', ''],
    ['the id with something after it', `${PREVIEW_ID}x`],
    ['the id in upper case', PREVIEW_ID.toUpperCase()],
    ['no cookie', undefined],
  ])('refuses %s', (_, cookie) => {
    writeId(PREVIEW_ID);
    expect(isPreviewCookie(cookie)).toBe(false);
  });

  it('refuses every cookie when the build wrote no id', () => {
    writeId('');
    expect(isPreviewCookie('')).toBe(false);
  });
});

describe('isPublicFile', () => {
  beforeEach(() => {
    mkdirSync(path.join(root, 'public', '.well-known'), { recursive: true });
    writeFileSync(path.join(root, 'public', 'ads.txt'), 'ads');
    writeFileSync(path.join(root, 'public', '.well-known', 'security.txt'), 'contact');
    writeFileSync(path.join(root, 'package.json'), '{}');
  });

  it('finds files in public/, which Next serves before any route', () => {
    expect(isPublicFile('/ads.txt')).toBe(true);
    expect(isPublicFile('/.well-known/security.txt')).toBe(true);
  });

  it.each([
    ['a missing file', '/missing.txt'],
    ['a folder', '/.well-known'],
    ['the root', '/'],
    ['a file outside public/ through an encoded dot-dot', '/%2e%2e/package.json'],
    ['a file outside public/ through a dot-dot', '/../package.json'],
    ['a file outside public/ through an encoded slash', '/..%2Fpackage.json'],
    ['a NUL', '/ads.txt%00'],
  ])('refuses %s', (_, pathname) => {
    expect(isPublicFile(pathname)).toBe(false);
  });
});
