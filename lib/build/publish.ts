/**
 * The order of `npm run build` (scripts/build.ts), apart from the processes that carry it out,
 * so that what happens when a step fails can be tested without building a site:
 *   1. the content check and the font subsetting start side by side;
 *   2. `next build` starts once the fonts exist (app/layout.tsx imports their CSS): its compile
 *      runs beside the check, and its first read of the content waits for the check's gate
 *      (lib/content/check-gate.ts), opened only once the check has passed;
 *   3. the post-export steps run once Next has finished.
 * If the check fails, Next is stopped before it has read any content and the check's error is
 * the build's; if the fonts fail, the check still runs to the end, so an editor sees every
 * problem in the content, and a content problem is reported before the font failure.
 */

export type StepName = 'the content check' | 'the font subsetting' | 'next build' | 'the post-export steps';

export type RunningStep = {
  /** Settles when the step's process has exited: fulfilled for success. */
  done: Promise<void>;
  /** Stops the step (its process) if it is still running. */
  stop(): void;
};

export async function publish(start: (step: StepName) => RunningStep, openCheckGate: () => void): Promise<void> {
  const check = start('the content check');
  const fonts = start('the font subsetting');
  let checkFailed = false;
  // Every step's failure is awaited below, or deliberately left once an earlier one has failed.
  check.done.catch(() => {
    checkFailed = true;
  });
  fonts.done.catch(() => {});
  const [fontsResult] = await Promise.allSettled([fonts.done]);
  if (fontsResult.status === 'rejected') {
    await check.done;
    throw fontsResult.reason;
  }
  // A check that has already failed: Next is not started at all (it would begin by emptying
  // the export folder of the previous build).
  if (checkFailed) await check.done;
  const next = start('next build');
  next.done.catch(() => {});
  try {
    await check.done;
  } catch (error) {
    next.stop();
    await next.done.catch(() => {});
    throw error;
  }
  openCheckGate();
  await next.done;
  await start('the post-export steps').done;
}
