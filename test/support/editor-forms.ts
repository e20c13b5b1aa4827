import { compileDocument } from '@/lib/content/build/compile';
import { invalidHtml, renderBody } from './rendered-body';

/** A form the check refuses: its MDX, the body line it is refused at, and how the problem begins. */
export type RefusedForm = [mdx: string, line: number, problem: string];

/**
 * Components written the ways editors write them, as tests inside the caller's `describe`:
 * each accepted form passes the content check and renders markup a validator accepts; each
 * refused one is refused by the check, with a fix, and by the build, at its line.
 */
export function editorFormCases(
  accepted: Record<string, string>,
  refused: Record<string, RefusedForm>,
): void {
  const check = async (mdx: string) => (await compileDocument(mdx)).problems;

  it.each(Object.entries(accepted))(
    '%s: passes the check and renders valid markup',
    async (_, mdx) => {
      expect(await check(mdx)).toEqual([]);
      expect(await invalidHtml(await renderBody(mdx), { title: false })).toEqual([]);
    },
  );

  it.each(Object.entries(refused))(
    '%s: refused by the check and the build at its line',
    async (_, [mdx, line, problem]) => {
      const [first] = await check(mdx);
      expect({ line: first?.line, problem: first?.problem.slice(0, problem.length) }).toEqual({
        line,
        problem,
      });
      expect(first?.fix).toBeTruthy();
      await expect(renderBody(mdx)).rejects.toThrow(`line ${line}: ${problem}`);
    },
  );
}
