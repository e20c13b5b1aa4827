// bench/lighthouse.mjs --other: Masthead's pages and another site's, alternated round by round in
// one run, so both meet the same machine at the same load (issue 20).
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  chromePath,
  figures,
  lighthouseVersion,
  medians,
  pageName,
  runLighthouse,
} from './lighthouse-run.mjs';

const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

/**
 * The order of one round: the two sites' pages taken in turn (ours, theirs, ours, …), the site
 * that starts swapped every round so neither always meets the machine just after the other.
 */
export function roundOrder(sites, round) {
  const [first, second] = round % 2 ? [sites[0], sites[1]] : [sites[1], sites[0]];
  const order = [];
  const longest = Math.max(first.pages.length, second.pages.length);
  for (let i = 0; i < longest; i++) {
    if (i < first.pages.length) order.push({ site: first, page: first.pages[i] });
    if (i < second.pages.length) order.push({ site: second, page: second.pages[i] });
  }
  return order;
}

const thousands = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '—');

/** A Markdown table of both sites' medians, one row a page, with Performance's range. */
export function summaryTable(rows) {
  const header = [
    '| site | page | Performance, median (range) | TBT | LCP | CLS | JS transferred | a11y / best practices / SEO |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | --- |',
  ];
  const lines = rows.map(({ site, page, results, median: m }) => {
    const perf = results.map((r) => r.performance);
    return `| ${site} | \`${page}\` | ${m.performance} (${Math.min(...perf)}–${Math.max(...perf)}) | ${thousands(m.tbtMs)} ms | ${thousands(m.lcpMs)} ms | ${m.cls} | ${thousands(m.jsBytes)} B | ${m.accessibility} / ${m.bestPractices} / ${m.seo} |`;
  });
  return [...header, ...lines].join('\n');
}

/**
 * Runs the comparison: one uncounted warm-up a page on both sites, then `rounds` rounds of every
 * page of both. `sites` is `[{ name, base, pages }, { … }]`, ours first. Writes every report to
 * `out` and the summary (JSON and Markdown) to `summaryFile` and its `.md` twin.
 */
export async function sideBySide({ sites, rounds, out, summaryFile }) {
  const run = async (site, page, label) => {
    const file = path.join(out, `${site.name}-${pageName(page)}-${label}.json`);
    return figures(await runLighthouse(site.base + page, file));
  };
  for (const site of sites) for (const page of site.pages) await run(site, page, 'warm-up');

  const loadBefore = load();
  console.log(
    `Lighthouse ${lighthouseVersion}, ${chromePath}, mobile defaults, side by side: ` +
      `${sites.map((s) => `${s.name} ${s.base}`).join(' and ')}, ${rounds} rounds; ` +
      `${os.cpus().length} cores, load ${loadBefore}`,
  );
  if (rounds < 5) console.log('fewer than 5 rounds: a smoke run, not a comparison');

  const results = new Map(sites.flatMap((s) => s.pages.map((p) => [`${s.name} ${p}`, []])));
  const loads = [];
  for (let round = 1; round <= rounds; round++) {
    for (const { site, page } of roundOrder(sites, round)) {
      const r = await run(site, page, String(round));
      results.get(`${site.name} ${page}`).push(r);
      console.log(
        `round ${round} ${site.name.padEnd(10)} ${page.padEnd(48)} perf ${r.performance} ` +
          `TBT ${r.tbtMs} ms LCP ${r.lcpMs} ms`,
      );
    }
    loads.push(os.loadavg()[0]);
  }

  const rows = sites.flatMap((site) =>
    site.pages.map((page) => {
      const list = results.get(`${site.name} ${page}`);
      return { site: site.name, page, results: list, median: medians(list) };
    }),
  );
  const table = summaryTable(rows);
  const loadAfter = load();
  console.log(`\n${table}\n\nload average before ${loadBefore}, after ${loadAfter}`);

  const summary = {
    date: new Date().toISOString(),
    lighthouse: lighthouseVersion,
    chrome: chromePath,
    cores: os.cpus().length,
    rounds,
    loadBefore,
    loadAfterEachRound: loads,
    loadAfter,
    sites: sites.map(({ name, base, pages }) => ({ name, base, pages })),
    rows,
  };
  writeFileSync(summaryFile, `${JSON.stringify(summary, null, 2)}\n`);
  writeFileSync(
    summaryFile.replace(/\.json$/, '.md'),
    `${summary.date}, Lighthouse ${lighthouseVersion}, ${rounds} rounds, load before ${loadBefore}, after ${loadAfter}\n\n${table}\n`,
  );
  console.log(`summary: ${path.relative(process.cwd(), summaryFile)} (and .md)`);
  return summary;
}
