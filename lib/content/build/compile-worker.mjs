// The entry of a compile worker thread. Workers do not inherit tsx's loader from the thread
// that starts them, so it is registered here before the TypeScript module is loaded.
import { register } from 'tsx/esm/api';

register();
const { compileAndStore } = await import('./compile-task.ts');

/** One task: an MDX file's source in; its body and cache entry stored, the entry out. */
export default function compile(task) {
  return compileAndStore(task);
}
