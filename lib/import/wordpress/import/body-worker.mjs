// The entry of a body-conversion worker thread. Workers do not inherit tsx's loader from the
// thread that starts them, so it is registered here before the TypeScript module is loaded.
import { register } from 'tsx/esm/api';

register();
const { convertJob } = await import('./body-task.ts');

/** One task: a body's HTML and its post's footnotes and attachments in; its MDX and losses out. */
export default function convert(job) {
  return convertJob(job);
}
