import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { copyCheckoutFiles } from '../test/support/checkout-files.mjs';
import { writeBuildCorpus } from './build-corpus';

export const repo = path.resolve(import.meta.dirname, '..');
export const scratchRoot = path.join(repo, 'bench', '.scratch');

/**
 * A copy of this checkout (tracked and new files) with a generated newsroom of `n` articles in
 * place of the sample content, under bench/.scratch/<name>. node_modules resolves from the
 * checkout above it.
 */
export function scratchProject(name: string, n: number): string {
  const dir = path.join(scratchRoot, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyCheckoutFiles(repo, dir, (file: string) => !file.startsWith('content/'));
  writeBuildCorpus(path.join(dir, 'content'), path.join(dir, 'public'), n);
  return dir;
}
