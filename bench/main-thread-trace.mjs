// Where a page's main thread goes, from a Chrome trace with V8's CPU samples in it (Lighthouse's
// --save-assets trace, with --additional-trace-categories=disabled-by-default-v8.cpu_profiler).
// Pure functions over the parsed trace; bench/main-thread.mjs runs Lighthouse and prints.
import { isRuntimeSource, packageOf, shortName } from './js-attribution.mjs';

/** Lighthouse's mobile CPU slowdown: what the observed time becomes on its simulated phone. */
export const CPU_SLOWDOWN = 4;
/** A task blocks for whatever it lasts past 50 ms (Total Blocking Time's definition). */
const BLOCKING_FROM_MS = 50;

const TURBOPACK = 'Turbopack module runtime';

/**
 * The kind of code a source (a source map's `sources` entry) is. React DOM, the RSC decoder and
 * the scheduler are told apart from the rest of Next, because each is a different remedy.
 */
export function bucketOfSource(source) {
  if (source.includes('[turbopack]/')) return TURBOPACK;
  if (/react-server-dom/.test(source)) return 'RSC payload decode (react-server-dom)';
  if (/react-dom/.test(source)) return 'React DOM';
  if (/[/]scheduler[/]/.test(source)) return 'React scheduler';
  const pkg = packageOf(source);
  if (/[/]compiled[/]react[/]/.test(source) || pkg === 'react') return 'React';
  if (pkg === 'next' || pkg?.startsWith('@next/')) return 'Next.js (router, app bootstrap)';
  if (isRuntimeSource(source)) return 'Next.js (router, app bootstrap)';
  if (pkg) return `library: ${pkg}`;
  return `ours: ${shortName(source)}`;
}

/**
 * What the renderer was doing outside JavaScript, by the innermost trace event around a
 * `(program)` sample: the kinds of work a remedy would act on.
 */
const NATIVE = [
  // Tracing's own work (the profiler, the script rundown DevTools asks for): not on a phone.
  [
    /^(ScriptCatchup|ScriptCompiled|CpuProfiler::.*|TracingStartedInPage)$/,
    'tracing overhead (not on a real phone)',
  ],
  [
    /^(ParseHTML|DocumentLoader::.*|HTMLDocumentParser::.*|DecodedDataDocumentParser::.*)$/,
    'load and parse HTML',
  ],
  [/^ParseAuthorStyleSheet$/, 'parse CSS'],
  [/^(UpdateLayoutTree|RecalculateStyles|ScheduleStyleRecalculation)$/, 'style'],
  [/^(Layout|UpdateLayout|IntersectionObserverController::.*)$/, 'layout'],
  [
    /^(Paint|PrePaint|Layerize|Commit|UpdateLayer|CompositeLayers|PaintImage|Decode ?Image|ImageDecodeTask)$/,
    'paint and composite',
  ],
  [
    /^(v8\.compile|v8\.compileModule|V8\.Compile.*|v8\.parseOnBackground.*|v8\.produceCache|v8\.deserializeOnBackground)$/,
    'compile scripts',
  ],
  [
    /^(EvaluateScript|v8\.run|FunctionCall|v8\.callFunction|RunMicrotasks|TimerFire|EventDispatch|FireAnimationFrame|XHRReadyStateChange|v8\.newInstance)$/,
    'DOM and platform calls from scripts',
  ],
  [
    /^(V8\.DeserializeContext|ContextCreatedNotification|InstallConditionalFeatures|LocalWindowProxy::.*)$/,
    "create the page's JS context",
  ],
  [/GC|gc/, 'garbage collection'],
  [/^RunTask$/, 'other work in a task'],
];

/** Time the tracing itself costs: shown, but left out of the blocking it shares out. */
const OVERHEAD = 'browser: tracing overhead (not on a real phone)';

function nativeBucket(within) {
  if (!within) return 'browser: outside any traced event';
  const kind = NATIVE.find(([pattern]) => pattern.test(within))?.[1];
  if (kind === 'tracing overhead') return OVERHEAD;
  return kind === 'garbage collection' ? kind : `browser: ${kind ?? 'other'}`;
}

/** V8's pseudo-frames: what the renderer did outside JavaScript. */
const GC = '(garbage collector)';

/**
 * The page's main thread: the renderer thread where the navigation to an http(s) address started
 * (Chrome may commit the page in another process than the about:blank it began with), with the
 * trace time of its first contentful paint, where Total Blocking Time starts counting.
 */
export function mainThread(events) {
  const navigation = events.find(
    (e) =>
      e.name === 'navigationStart' &&
      e.args?.data?.isOutermostMainFrame &&
      /^https?:/.test(e.args.data.documentLoaderURL ?? ''),
  );
  if (!navigation) throw new Error('trace: no navigation of the main frame to an http(s) address');
  const { pid, tid } = navigation;
  const navigationId = navigation.args.data.navigationId;
  const fcp = events.find(
    (e) =>
      e.name === 'firstContentfulPaint' &&
      e.pid === pid &&
      (e.args?.data?.navigationId ?? navigationId) === navigationId,
  );
  return { pid, tid, navigationStart: navigation.ts, fcp: fcp?.ts ?? navigation.ts };
}

/**
 * The main thread's CPU samples: `{ ts, duration, stack }` in trace microseconds, `stack` the
 * call frames from the sampled function outwards. A sample lasts until the next one.
 */
export function cpuSamples(events, { pid, tid }) {
  const profiles = new Map();
  for (const e of events) {
    if (e.name === 'Profile' && e.pid === pid && e.tid === tid) {
      profiles.set(e.id, { start: e.args.data.startTime, nodes: new Map(), samples: [] });
    }
  }
  // Chunks in the order they were written: each one's deltas continue the one before.
  const chunks = events
    .filter((e) => e.name === 'ProfileChunk' && e.pid === pid && profiles.has(e.id))
    .sort((a, b) => a.ts - b.ts);
  for (const e of chunks) {
    const profile = profiles.get(e.id);
    const data = e.args.data;
    for (const node of data.cpuProfile?.nodes ?? []) profile.nodes.set(node.id, node);
    const ids = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < ids.length; i++) profile.samples.push([ids[i], deltas[i] ?? 0]);
  }
  const out = [];
  for (const { start, nodes, samples } of profiles.values()) {
    let ts = start;
    // Deltas can be negative (samples written out of order): time them, then sort.
    const timed = samples
      .map(([id, delta]) => {
        ts += delta;
        return { id, ts };
      })
      .sort((a, b) => a.ts - b.ts);
    timed.forEach(({ id, ts: at }, i) => {
      const next = timed[i + 1];
      const stack = [];
      for (let node = nodes.get(id); node; node = nodes.get(node.parent))
        stack.push(node.callFrame);
      out.push({ ts: at, duration: next ? Math.min(next.ts - at, 10_000) : 0, stack });
    });
  }
  out.sort((a, b) => a.ts - b.ts);
  innermostEvents(events, { pid, tid }, out);
  return out;
}

/**
 * Sets each sample's `within` to the name of the innermost complete trace event on the thread
 * that encloses it (or leaves it undefined): one sweep, as such events nest on a thread.
 */
function innermostEvents(events, { pid, tid }, samples) {
  const spans = events
    .filter((e) => e.ph === 'X' && e.pid === pid && e.tid === tid && e.dur > 0)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const open = [];
  let next = 0;
  for (const sample of samples) {
    while (next < spans.length && spans[next].ts <= sample.ts) {
      const span = spans[next++];
      while (open.length && open[open.length - 1].ts + open[open.length - 1].dur <= span.ts) {
        open.pop();
      }
      open.push(span);
    }
    while (open.length && open[open.length - 1].ts + open[open.length - 1].dur <= sample.ts) {
      open.pop();
    }
    sample.within = open[open.length - 1]?.name;
  }
}

/**
 * The bucket a sample's time goes to: its innermost frame with a script (native builtins such
 * as JSON.parse count for the script that called them), or for V8's `(program)` the kind of
 * browser work around it (`within`, the innermost trace event's name). `locate(url, line,
 * column)` gives a source path through the script's source map, or undefined. Idle is null.
 */
export function bucketOfSample(stack, { documentUrl, locate }, within) {
  const top = stack[0];
  if (!top || top.functionName === '(idle)') return null;
  if (top.functionName === GC) return { bucket: 'garbage collection' };
  if (top.functionName === '(program)') return { bucket: nativeBucket(within) };
  const frame = stack.find((f) => f.url);
  if (!frame) return { bucket: 'native code, no script on the stack' };
  const url = URL.canParse(frame.url) ? new URL(frame.url) : undefined;
  // Lighthouse's own probes (_lighthouse-eval.js) and anything else without an address.
  if (!url) return { bucket: `not the page's: ${frame.url}` };
  const page = new URL(documentUrl);
  if (url.origin === page.origin && url.pathname === page.pathname) {
    return { bucket: 'inline scripts in the HTML (RSC payload pushes, theme script)' };
  }
  if (url.origin !== page.origin) return { bucket: `other origin: ${url.origin}` };
  const file = url.pathname.split('/').pop();
  const source = locate(frame.url, frame.lineNumber, frame.columnNumber);
  if (!source) return { bucket: `unmapped: ${file}`, file };
  return { bucket: bucketOfSource(source), module: shortName(source), file };
}

/** The main thread's top-level tasks, `{ ts, dur }` in microseconds. */
export function topLevelTasks(events, { pid, tid }) {
  const tasks = events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === pid && e.tid === tid)
    .map((e) => ({ ts: e.ts, dur: e.dur ?? 0 }))
    .sort((a, b) => a.ts - b.ts);
  const top = [];
  for (const task of tasks) {
    const last = top[top.length - 1];
    if (last && task.ts < last.ts + last.dur) continue; // nested inside the one before
    top.push(task);
  }
  return top;
}

/**
 * Attributes the main thread's time by bucket. `cpuMs` is each bucket's sampled time after the
 * CPU slowdown; `blockingMs` shares out, by the samples inside it, what each task after `from`
 * (the first contentful paint) would last past 50 ms on the slowed phone, less the tracing's own
 * time in it: what Total Blocking Time adds up. Figures are ms on the simulated phone (observed × CPU_SLOWDOWN).
 */
export function attribute(samples, tasks, { from = 0, ...context }) {
  const buckets = new Map();
  const modules = new Map();
  const add = (map, key, field, ms, bucket) => {
    const entry = map.get(key) ?? { cpuMs: 0, blockingMs: 0, ...(bucket ? { bucket } : {}) };
    entry[field] += ms;
    map.set(key, entry);
  };
  const labelled = samples.map((s) => ({
    ...s,
    label: bucketOfSample(s.stack, context, s.within),
  }));
  chargeCompiles(labelled, context);
  for (const s of labelled) {
    if (!s.label) continue;
    const ms = (s.duration / 1000) * CPU_SLOWDOWN;
    add(buckets, s.label.bucket, 'cpuMs', ms);
    if (s.label.module) add(modules, s.label.module, 'cpuMs', ms, s.label.bucket);
  }
  let blockingTotal = 0;
  let i = 0;
  for (const task of tasks) {
    // As Total Blocking Time does, only what runs after the first contentful paint counts.
    const start = Math.max(task.ts, from);
    const end = task.ts + task.dur;
    if (end <= start) continue;
    while (i < labelled.length && labelled[i].ts < start) i++;
    const inside = [];
    let overhead = 0;
    for (let j = i; j < labelled.length && labelled[j].ts < end; j++) {
      const s = labelled[j];
      if (s.label?.bucket === OVERHEAD) overhead += s.duration;
      else if (s.label) inside.push(s);
    }
    // The task as it would run untraced: without the profiler's and the rundown's own time.
    const slowedMs = ((end - start - overhead) / 1000) * CPU_SLOWDOWN;
    if (slowedMs <= BLOCKING_FROM_MS) continue;
    const sampled = inside.reduce((sum, s) => sum + s.duration, 0);
    const blocking = slowedMs - BLOCKING_FROM_MS;
    blockingTotal += blocking;
    if (sampled === 0) {
      add(buckets, 'unsampled', 'blockingMs', blocking);
      continue;
    }
    for (const s of inside) {
      const share = (blocking * s.duration) / sampled;
      add(buckets, s.label.bucket, 'blockingMs', share);
      if (s.label.module) add(modules, s.label.module, 'blockingMs', share, s.label.bucket);
    }
  }
  return { buckets, modules, blockingTotal };
}

/**
 * V8 charges compiling a function on its first call to the caller's frame. Turbopack's runtime
 * calls each module's factory the first time the module is required, so the runtime's own time
 * just before a factory starts is mostly that factory being compiled: it is charged to the module
 * whose factory the runtime calls next (in the samples, the frame right under the runtime's).
 */
function chargeCompiles(labelled, context) {
  for (let i = 0; i < labelled.length; i++) {
    const sample = labelled[i];
    if (sample.label?.bucket !== TURBOPACK) continue;
    const top = sample.stack[0];
    let j = i + 1;
    while (j < labelled.length && labelled[j].stack[0] === top) j++;
    const at = labelled[j]?.stack.indexOf(top) ?? -1;
    if (at < 1) continue;
    const callee = bucketOfSample(labelled[j].stack.slice(at - 1), context);
    if (!callee?.module || callee.bucket === TURBOPACK) continue;
    sample.label = { ...callee, module: `${callee.module} (compiling on first require)` };
  }
}
