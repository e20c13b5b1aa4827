// A worker thread that builds the full search index beside the related ranking (see
// pipeline.ts): on two cores the two take about as long as the slower of them.
import { register } from 'tsx/esm/api';

register();
const { fullSearchIndex } = await import('./search-step.ts');

export default function build(docs) {
  return fullSearchIndex(docs);
}
