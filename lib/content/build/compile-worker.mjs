// The entry of a compile worker thread. Workers do not inherit tsx's loader from the thread
// that starts them, so it is registered here before the TypeScript module is loaded.
import { register } from 'tsx/esm/api';

register();
const { compileDocument } = await import('./compile.ts');

/** One task: an MDX file's source in, everything the build needs of it out. */
export default function compile(source) {
  return compileDocument(source);
}
