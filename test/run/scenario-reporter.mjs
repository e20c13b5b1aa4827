// @ts-check
// A node:test reporter that writes what command B's tally counts: each scenario of a
// whole-project check (test/checks/*.mjs) as one test, passed or failed, with its time.
//   node --test --test-reporter=spec --test-reporter-destination=stdout \
//     --test-reporter=./test/run/scenario-reporter.mjs --test-reporter-destination=reports/checks/x.json \
//     test/checks/x.mjs
// A suite (describe) is not a scenario; its tests are. A hook that fails fails the tests it
// guards, so a check that cannot start still counts its scenarios as failed, not as absent.

/** @param {AsyncIterable<{ type: string, data: any }>} source */
export default async function* scenarioReporter(source) {
  /** @type {{ name: string, file?: string, ok: boolean, ms: number, error?: string }[]} */
  const scenarios = [];
  let diagnostics = [];
  for await (const { type, data } of source) {
    if (type === 'test:diagnostic') diagnostics.push(String(data.message));
    if (type !== 'test:pass' && type !== 'test:fail') continue;
    if (data.details?.type === 'suite') continue;
    if (data.skip || data.todo) continue;
    const error = data.details?.error;
    scenarios.push({
      name: String(data.name),
      ...(data.file ? { file: String(data.file) } : {}),
      ok: type === 'test:pass',
      ms: Math.round(Number(data.details?.duration_ms ?? 0)),
      ...(type === 'test:fail' && error
        ? { error: String(error.cause?.message ?? error.message ?? error).slice(0, 2000) }
        : {}),
    });
  }
  const passed = scenarios.filter((s) => s.ok).length;
  // A run with no scenario at all (a file that would not load, a name matching nothing) is a
  // failure: a check that reports nothing must not read as a clean pass.
  const failed = scenarios.length - passed + (scenarios.length === 0 ? 1 : 0);
  yield `${JSON.stringify({ passed, failed, scenarios, diagnostics }, null, 2)}\n`;
}
