/**
 * A pushed commit is data from outside: before any of it is unpacked or read, its tree under
 * content/ must hold nothing but files and folders. A symbolic link is refused however harmless
 * it looks (one to a host file would be read by the build; a folder linking to itself made the
 * content walk run away), and so is a submodule or a path that could leave content/.
 */

/** Regular files, executable or not: what `git ls-tree -r` lists for a plain file. */
const FILE_MODES = new Set(['100644', '100755']);

const WHAT: Record<string, string> = {
  '120000': 'is a symbolic link',
  '160000': 'is a submodule',
};

/** One name git lists: `<mode> <type> <object>\t<path>`. */
const ENTRY = /^(\d{6}) (\w+) ([0-9a-f]{40,64})\t([^]+)$/;

/**
 * What is wrong with the tree of a commit, one line per path, from the output of
 * `git ls-tree -r -z <commit> -- content` (NUL-separated, paths unquoted); empty when nothing is.
 */
export function treeProblems(lsTree: string): string[] {
  const problems: string[] = [];
  for (const line of lsTree.split('\0')) {
    if (line === '') continue;
    const match = ENTRY.exec(line);
    if (!match) {
      problems.push(
        `git listed an entry Masthead cannot read: ${JSON.stringify(line.slice(0, 200))}`,
      );
      continue;
    }
    const [, mode = '', , , file = ''] = match;
    const shown = JSON.stringify(file.slice(0, 300));
    const parts = file.split('/');
    if (
      parts[0] !== 'content' ||
      parts.some((part) => part === '' || part === '.' || part === '..')
    ) {
      problems.push(`${shown} is outside content/`);
    } else if (!FILE_MODES.has(mode)) {
      problems.push(`${shown} ${WHAT[mode] ?? `is not a file (mode ${mode})`}`);
    }
  }
  return problems;
}
