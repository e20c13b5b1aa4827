// The entry of a picture-copying worker thread. Workers do not inherit tsx's loader from the
// thread that starts them, so it is registered here before the TypeScript module is loaded.
import { register } from 'tsx/esm/api';

register();
const { obtainPictures } = await import('../pictures/obtain.ts');

/** One task: a run of pictures and the import's options in; what became of each out. */
export default function obtain({ items, options }) {
  return obtainPictures(items, options);
}
