import {
  attribute,
  bucketOfSource,
  cpuSamples,
  mainThread,
  topLevelTasks,
} from '../bench/main-thread-trace.mjs';

const CHUNK = 'http://127.0.0.1:3520/_next/static/chunks/abc.js';
const PAGE = 'http://127.0.0.1:3520/world/a-story';
const RUNTIME = 'turbopack:///[turbopack]/browser/runtime/base/build-base.ts';
const REACT_DOM =
  'turbopack:///[project]/node_modules/next/dist/compiled/react-dom/cjs/react-dom-client.production.js';

describe('bucketOfSource', () => {
  it('tells React DOM, the RSC decoder, Next, Turbopack, libraries and ours apart', () => {
    expect(bucketOfSource(REACT_DOM)).toBe('React DOM');
    expect(
      bucketOfSource(
        '[project]/node_modules/next/dist/compiled/react-server-dom-turbopack/cjs/client.js',
      ),
    ).toBe('RSC payload decode (react-server-dom)');
    expect(bucketOfSource(RUNTIME)).toBe('Turbopack module runtime');
    expect(bucketOfSource('[project]/node_modules/next/src/client/app-index.tsx')).toBe(
      'Next.js (router, app bootstrap)',
    );
    expect(bucketOfSource('[project]/node_modules/next-themes/dist/index.mjs')).toBe(
      'library: next-themes',
    );
    expect(bucketOfSource('turbopack:///[project]/components/comments/comment-form.tsx')).toBe(
      'ours: components/comments/comment-form.tsx',
    );
  });
});

/** A trace as Chrome writes it: the page committed in a second renderer (pid 2), not the first. */
function trace() {
  const frame = (id: number, functionName: string, columnNumber?: number, parent?: number) => ({
    id,
    parent,
    callFrame:
      columnNumber === undefined
        ? { functionName, scriptId: 0 }
        : { functionName, url: CHUNK, lineNumber: 0, columnNumber, scriptId: 7 },
  });
  return [
    { name: 'thread_name', ph: 'M', pid: 1, tid: 1, args: { name: 'CrRendererMain' } },
    { name: 'thread_name', ph: 'M', pid: 2, tid: 2, args: { name: 'CrRendererMain' } },
    {
      name: 'navigationStart',
      pid: 1,
      tid: 1,
      ts: 0,
      args: { data: { isOutermostMainFrame: true, documentLoaderURL: '', navigationId: 'A' } },
    },
    {
      name: 'navigationStart',
      pid: 2,
      tid: 2,
      ts: 500,
      args: { data: { isOutermostMainFrame: true, documentLoaderURL: PAGE, navigationId: 'B' } },
    },
    {
      name: 'firstContentfulPaint',
      pid: 2,
      tid: 2,
      ts: 900,
      args: { data: { navigationId: 'B' } },
    },
    { name: 'Profile', ph: 'P', id: '0x1', pid: 2, tid: 2, args: { data: { startTime: 1000 } } },
    // The samples come on the profiler's own thread of the same process.
    {
      name: 'ProfileChunk',
      ph: 'P',
      id: '0x1',
      pid: 2,
      tid: 99,
      args: {
        data: {
          cpuProfile: {
            nodes: [
              frame(1, '(root)'),
              frame(2, '(program)', undefined, 1),
              frame(3, 'W', 10, 1), // Turbopack's instantiateModule
              frame(4, '', 50, 3), // the module factory it calls
              frame(5, '(idle)', undefined, 1),
            ],
            samples: [3, 3, 4, 4, 2, 5],
          },
          timeDeltas: [0, 10_000, 10_000, 10_000, 10_000, 10_000],
        },
      },
    },
    // One task of 50 ms observed: 200 ms on the slowed phone, 150 ms of it blocking.
    { name: 'RunTask', ph: 'X', pid: 2, tid: 2, ts: 1000, dur: 50_000 },
    { name: 'RunTask', ph: 'X', pid: 2, tid: 2, ts: 2000, dur: 1000 }, // nested, not top-level
    // The (program) sample at 41 ms falls in the parser's work.
    { name: 'ParseHTML', ph: 'X', pid: 2, tid: 2, ts: 40_000, dur: 5000 },
    { name: 'RunTask', ph: 'X', pid: 1, tid: 1, ts: 1000, dur: 90_000 }, // the other renderer
  ];
}

const locate = (url: string, _line: number, column: number) =>
  url === CHUNK ? (column < 50 ? RUNTIME : REACT_DOM) : undefined;

describe('main-thread attribution', () => {
  it('finds the renderer the page was committed in, and its first contentful paint', () => {
    expect(mainThread(trace())).toEqual({ pid: 2, tid: 2, navigationStart: 500, fcp: 900 });
  });

  it('refuses a trace without a navigation to a web address', () => {
    expect(() => mainThread(trace().filter((e) => e.name !== 'navigationStart'))).toThrow(
      /no navigation/,
    );
  });

  it('charges the runtime’s time before a module factory to that module, idle to nobody', () => {
    const events = trace();
    const thread = mainThread(events);
    const samples = cpuSamples(events, thread);
    expect(samples.map((s) => s.ts)).toEqual([1000, 11_000, 21_000, 31_000, 41_000, 51_000]);
    const tasks = topLevelTasks(events, thread);
    expect(tasks).toEqual([{ ts: 1000, dur: 50_000 }]);

    const { buckets, modules, blockingTotal } = attribute(samples, tasks, {
      from: thread.fcp,
      documentUrl: PAGE,
      locate,
    });
    expect(blockingTotal).toBe(150);
    // Four samples of 10 ms in React DOM (two of them compiling it), × 4 for the phone.
    expect(buckets.get('React DOM')).toEqual({ cpuMs: 160, blockingMs: 120 });
    expect(buckets.get('browser: load and parse HTML')).toEqual({
      cpuMs: 40,
      blockingMs: 30,
    });
    expect(buckets.has('Turbopack module runtime')).toBe(false);
    expect(
      modules.get(
        'next/dist/compiled/react-dom/cjs/react-dom-client.production.js (compiling on first require)',
      ),
    ).toEqual({ cpuMs: 80, blockingMs: 60, bucket: 'React DOM' });
  });

  it('counts only what runs after the first contentful paint as blocking', () => {
    const events = trace();
    const thread = mainThread(events);
    // The paint 30 ms into the task: 20 ms observed remain, 80 ms on the phone, 30 ms blocking.
    const { blockingTotal } = attribute(cpuSamples(events, thread), topLevelTasks(events, thread), {
      from: 31_000,
      documentUrl: PAGE,
      locate,
    });
    expect(blockingTotal).toBe(30);
  });

  it('leaves the tracing’s own work out of the blocking it shares out', () => {
    const events = trace().map((e) =>
      e.name === 'ParseHTML' ? { ...e, name: 'ScriptCatchup' } : e,
    );
    const thread = mainThread(events);
    // 10 ms of the 50 ms task is the rundown: 40 ms observed, 160 ms on the phone, 110 blocking.
    const { buckets, blockingTotal } = attribute(
      cpuSamples(events, thread),
      topLevelTasks(events, thread),
      { from: thread.fcp, documentUrl: PAGE, locate },
    );
    expect(blockingTotal).toBe(110);
    expect(buckets.get('React DOM')?.blockingMs).toBe(110);
    expect(buckets.get('browser: tracing overhead (not on a real phone)')).toEqual({
      cpuMs: 40,
      blockingMs: 0,
    });
  });

  it('times samples whose deltas go backwards, and chunks listed out of order, in order', () => {
    const events = trace();
    const chunk = events.find((e) => e.name === 'ProfileChunk')!;
    const data = chunk.args!.data as { cpuProfile: { samples: number[] }; timeDeltas: number[] };
    // Split in two chunks written at 5 and 6 ms, listed the other way round; one delta negative.
    const first = {
      ...chunk,
      ts: 5,
      args: {
        data: {
          ...data,
          cpuProfile: { ...data.cpuProfile, samples: [3, 3] },
          timeDeltas: [0, 10_000],
        },
      },
    };
    const second = {
      ...chunk,
      ts: 6,
      args: { data: { cpuProfile: { samples: [4, 4] }, timeDeltas: [20_000, -10_000] } },
    };
    const reordered = [...events.filter((e) => e !== chunk), second, first];
    const samples = cpuSamples(reordered, mainThread(reordered));
    expect(samples.map((s) => s.ts)).toEqual([1000, 11_000, 21_000, 31_000]);
    expect(samples.every((s) => s.duration >= 0)).toBe(true);
  });
});
