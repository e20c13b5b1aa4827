// Draws the abstract illustrations used by the sample articles. Real newsrooms commit photos;
// the sample content ships with generated pictures because we own every pixel of them.
// Usage: node scripts/generate-sample-images.mjs   (writes only images that are missing)
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const root = path.resolve(import.meta.dirname, '..');
const articlesDir = path.join(root, 'content', 'articles');

const PALETTES = [
  ['#1d3557', '#457b9d', '#a8dadc', '#e63946'],
  ['#264653', '#2a9d8f', '#e9c46a', '#f4a261'],
  ['#22223b', '#4a4e69', '#9a8c98', '#c9ada7'],
  ['#003049', '#d62828', '#f77f00', '#fcbf49'],
  ['#0b3954', '#087e8b', '#bfd7ea', '#ff5a5f'],
  ['#2b2d42', '#8d99ae', '#edf2f4', '#ef233c'],
];

function rng(seed) {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function illustration(seed) {
  const random = rng(seed);
  const palette = PALETTES[Math.floor(random() * PALETTES.length)];
  const shapes = [];
  for (let i = 0; i < 14; i++) {
    const color = palette[1 + Math.floor(random() * 3)];
    const x = Math.round(random() * 1600);
    const y = Math.round(random() * 900);
    const r = Math.round(60 + random() * 320);
    const opacity = (0.25 + random() * 0.5).toFixed(2);
    shapes.push(
      random() < 0.6
        ? `<circle cx="${x}" cy="${y}" r="${r}" fill="${color}" opacity="${opacity}"/>`
        : `<rect x="${x - r}" y="${y - r / 3}" width="${r * 2}" height="${Math.round(r / 1.5)}" fill="${color}" opacity="${opacity}" transform="rotate(${Math.round(random() * 60 - 30)} ${x} ${y})"/>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 1600 900">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
    <stop offset="0" stop-color="${palette[0]}"/><stop offset="1" stop-color="${palette[1]}"/>
  </linearGradient></defs>
  <rect width="1600" height="900" fill="url(#g)"/>${shapes.join('')}
</svg>`;
}

const wanted = readdirSync(articlesDir, { recursive: true })
  .filter((file) => String(file).endsWith('.mdx'))
  .flatMap((file) => {
    const text = readFileSync(path.join(articlesDir, String(file)), 'utf8');
    const match = /^\s+src:\s*["']?(\/images\/[^"'\s]+)["']?\s*$/m.exec(text);
    return match ? [match[1]] : [];
  });

let written = 0;
for (const src of wanted) {
  const target = path.join(root, 'public', src);
  if (existsSync(target)) continue;
  await sharp(Buffer.from(illustration(src)))
    .jpeg({ quality: 72, mozjpeg: true })
    .toFile(target);
  written += 1;
}
console.log(`${written} image(s) written, ${wanted.length - written} already present`);
