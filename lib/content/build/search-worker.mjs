// A worker thread that builds the full search index while the compile runs: documents arrive in
// batches as they are compiled, and the index is serialised when the last has come (see
// search-builder.ts). On two cores this takes the index off the end of the build.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { newSearchIndex } = await import('./search-step.ts');
const index = newSearchIndex();

parentPort.on('message', (message) => {
  if (message.add) index.addAll(message.add);
  if (message.finish) parentPort.postMessage(JSON.stringify(index));
});
