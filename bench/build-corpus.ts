import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { rng, syntheticCorpus, vocabulary, zipf } from './corpus';

/**
 * Writes a synthetic newsroom as MDX into `contentDir`: n articles of about 900 words with
 * h2 sections, a GFM table in each, a Timeline in every third, hero images on half, tags drawn
 * from a Zipf distribution, 20 sections and 200 authors. Seeded, so every run writes the same.
 */
export function writeBuildCorpus(contentDir: string, publicDir: string, n: number): void {
  const random = rng(7);
  const images = readdirSync(path.join(publicDir, 'images')).filter((f) => f.endsWith('.jpg'));
  const names = vocabulary(400, rng(11));
  for (const dir of ['articles', 'authors', 'sections']) {
    mkdirSync(path.join(contentDir, dir), { recursive: true });
  }
  for (let s = 0; s < 20; s++) {
    writeFileSync(
      path.join(contentDir, 'sections', `section-${s}.yaml`),
      `name: Section ${s}\ndescription: Reporting filed under section ${s}.\norder: ${s + 1}\n`,
    );
  }
  for (let a = 0; a < 200; a++) {
    const name = `${cap(names[a * 2]!)} ${cap(names[a * 2 + 1]!)}`;
    writeFileSync(
      path.join(contentDir, 'authors', `author-${a}.mdx`),
      `---\nname: "${name}"\nrole: "Correspondent"\n---\n\n${name} writes for Masthead.\n`,
    );
  }
  syntheticCorpus(n).forEach((article, i) => {
    const sentences = article.body.split('. ');
    const paragraphs: string[] = [];
    for (let p = 0; p < sentences.length; p += 3) {
      paragraphs.push(
        `${sentences
          .slice(p, p + 3)
          .join('. ')
          .replace(/\.?$/, '.')}`,
      );
    }
    const parts = [...paragraphs];
    // Headings every four paragraphs, as a reporter breaks up a long story.
    for (let h = parts.length - 4; h > 0; h -= 4) {
      parts.splice(h, 0, `## ${cap(sentences[h]!.split(' ').slice(0, 5).join(' '))}`);
    }
    parts.splice(3, 0, table(random));
    if (i % 3 === 0) parts.splice(6, 0, timeline(random, article.date));
    const author = `author-${zipf(random, 200)}`;
    const image = i % 2 === 0 ? images[i % images.length] : undefined;
    const frontmatter = [
      '---',
      `title: "${cap(article.title)}"`,
      `dek: "${cap(article.dek)}."`,
      `date: ${article.date}`,
      `section: ${article.section}`,
      `author: ${author}`,
      `tags: [${article.tags.join(', ')}]`,
      ...(image
        ? ['image:', `  src: /images/${image}`, `  alt: "Illustration for ${article.slug}"`]
        : []),
      '---',
    ];
    writeFileSync(
      path.join(contentDir, 'articles', `${article.slug}.mdx`),
      `${frontmatter.join('\n')}\n\n${parts.join('\n\n')}\n`,
    );
  });
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function table(random: () => number): string {
  const rows = Array.from(
    { length: 4 },
    (_, r) => `| ${2020 + r} | ${Math.round(random() * 1000)} | ${(random() * 10).toFixed(1)}% |`,
  );
  return ['| Year | Count | Change |', '| --- | ---: | ---: |', ...rows].join('\n');
}

function timeline(random: () => number, date: string): string {
  const year = Number(date.slice(0, 4));
  const events = Array.from({ length: 4 }, (_, e) => {
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const y = year - 3 + e;
    return `<TimelineEvent date="${y}-${month}" label="${y}">Event number ${e + 1} in the story.</TimelineEvent>`;
  });
  return ['<Timeline caption="How it unfolded">', ...events, '</Timeline>'].join('\n');
}
