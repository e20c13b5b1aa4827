// contentlayer2 build without its CLI wrapper. The CLI switches on effect-ts execution tracing
// for every fiber, which made the build grow quadratically with the archive
// (docs/decisions/009); the build itself is contentlayer2's own, step for step.
import * as core from '@contentlayer2/core';
import { pipe, T } from '@contentlayer2/utils/effect';

const exitCode = await pipe(
  core.getConfig({}),
  T.chain((config) => core.generateDotpkg({ config, verbose: false })),
  T.tap(core.logGenerateInfo),
  T.map(() => 0),
  core.runMain({ tracingServiceName: 'contentlayer-cli', verbose: false }),
);
process.exitCode = typeof exitCode === 'number' ? exitCode : process.exitCode;
