import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RoutesFile } from '../../routing/routes-file';
import type { ContentIndex } from '../schema/types';
import { currentVersionId, VERSION_FILES, versionDir } from '../store/layout';
import { buildContent } from './pipeline';

/** The real content build on a scratch newsroom with one live story. */
let root: string;

const STORY = `---
title: "Harbour talks, live"
dek: "As it happens."
date: 2026-03-01T08:00:00Z
section: world
author: omar-el-sayed
tags: [harbour]
live: true
---

Talks resumed this morning.

<Update time="2026-03-01T09:00:00Z" title="Delegations arrive" pinned>Both sides are here.</Update>

<Update time="2026-03-01T10:30:00+01:00" keyEvent>A statement is near.</Update>

<Update time="2026-03-01T09:45:00Z">Coffee.</Update>
`;

function write(files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, 'content', name)), { recursive: true });
    writeFileSync(path.join(root, 'content', name), text);
  }
}

const versionFile = <T>(name: string) =>
  JSON.parse(readFileSync(path.join(versionDir(currentVersionId(root)!, root), name), 'utf8')) as T;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'masthead-live-'));
  mkdirSync(path.join(root, 'public'));
  write({
    'sections/world.yaml': 'name: World\ndescription: News from everywhere.\norder: 1\n',
    'authors/omar-el-sayed.mdx': '---\nname: Omar El Sayed\n---\n\nBio.\n',
    'articles/harbour-talks-live.mdx': STORY,
  });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

it(
  'keeps a live story’s entries in the index, newest first, read at build time',
  { timeout: 60_000 },
  async () => {
    const result = await buildContent({
      root,
      contentDir: path.join(root, 'content'),
      publicDir: path.join(root, 'public'),
    });
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const [story] = versionFile<ContentIndex>(VERSION_FILES.index).articles;
    expect(story?.liveBlog).toEqual({
      entries: [
        {
          id: 'update-20260301t0945z',
          time: '2026-03-01T09:45:00.000Z',
          text: 'Coffee.',
          html: expect.stringMatching(
            /^<article id="update-20260301t0945z"[^]*Coffee\.[^]*<\/article>$/,
          ),
        },
        {
          id: 'update-20260301t0930z',
          time: '2026-03-01T09:30:00.000Z',
          keyEvent: true,
          text: 'A statement is near.',
          html: expect.stringContaining('Key event</span>'),
        },
        {
          id: 'update-20260301t0900z',
          time: '2026-03-01T09:00:00.000Z',
          title: 'Delegations arrive',
          pinned: true,
          text: 'Both sides are here.',
          html: expect.stringContaining('<h3>Delegations arrive</h3>'),
        },
      ],
    });
    // The proxy knows how many older pages the story has: its entries but the pinned one.
    expect(versionFile<RoutesFile>(VERSION_FILES.routes).articles[0]).toMatchObject({
      slug: 'harbour-talks-live',
      liveEntries: 2,
    });
  },
);
