/**
 * The order of `npm run build` (scripts/build.ts), apart from the processes that carry it out,
 * so that what happens when a step fails can be tested without building a site:
 *   1. the content check and the font subsetting start side by side;
 *   2. `next build` starts once the fonts' stylesheet exists (app/layout.tsx imports it; the
 *      font step writes it before cutting the faces): its compile runs beside the check and the
 *      rest of the font step, and its first read of the content waits for the check's gate
 *      (lib/content/check-gate.ts), opened only once the check has passed and the faces are cut;
 *   3. the social cards start once the check has passed (they need nothing but the checked
 *      content), beside Next and then the post-export steps, which wait for them before
 *      linking them into the export;
 *   4. the post-export steps start once the cards are done and Next has compiled (or Next
 *      has finished), and begin their work (`proceed`) once Next has finished: started while
 *      Next renders and writes its pages, they load their code and the stories meanwhile (about
 *      1.4 s at 1,000 stories). Not sooner: beside Next's compile they would slow it, and until
 *      the cards are done the cards' memory is in use.
 * Whichever of Next, the cards and the post-export steps fails first stops the others, and its
 * error is the build's. If the check fails, Next is stopped before it has read any content and the check's error is
 * the build's; if the fonts fail, the check still runs to the end, so an editor sees every
 * problem in the content, and a content problem is reported before the font failure.
 */

/**
 * Set for the post-export steps when the build starts them ahead of Next's end: they prepare,
 * then wait until the build writes PROCEED_LINE to their standard input (Next has finished).
 */
export const AWAIT_NEXT = 'POSTEXPORT_AWAITS_NEXT';
export const PROCEED_LINE = 'next build passed';

/** What scripts/build-fonts.ts prints once .generated/fonts.css is written (the faces are cut after it). */
export const FONT_STYLESHEET_LINE = 'build-fonts: stylesheet written';

export type StepName = 'the content check' | 'the font subsetting' | 'next build' | 'the social cards' | 'the post-export steps';

export type RunningStep = {
  /** Settles when the step's process has exited: fulfilled for success. */
  done: Promise<void>;
  /** Stops the step (its process) if it is still running. */
  stop(): void;
  /** Tells a step started ahead (the post-export steps) that what it waits for has finished. */
  proceed(): void;
  /**
   * Settles once the step has made what the next step needs first, seen in its output (if never
   * seen, its end stands in): the font step's stylesheet (the faces are cut after it), Next's
   * compile.
   */
  ready?: Promise<void>;
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
  // Next's compile needs the fonts' stylesheet (app/layout.tsx imports it), written before the
  // faces are cut.
  const [stylesheet] = await Promise.allSettled([Promise.race([fonts.ready ?? fonts.done, fonts.done])]);
  if (stylesheet.status === 'rejected') {
    await check.done;
    throw stylesheet.reason;
  }
  // A check that has already failed: Next is not started at all (it would begin by emptying
  // the export folder of the previous build).
  if (checkFailed) await check.done;
  const next = start('next build');
  next.done.catch(() => {});
  try {
    await check.done;
    // The pages read the fonts' manifest and Next's export copies the faces: the gate opens
    // once they are cut too (about a second after the stylesheet).
    await fonts.done;
  } catch (error) {
    // The font step may still be cutting faces when the check fails.
    next.stop();
    fonts.stop();
    await Promise.allSettled([next.done, fonts.done]);
    throw error;
  }
  openCheckGate();
  const cards = start('the social cards');
  cards.done.catch(() => {});
  const running: RunningStep[] = [next, cards];
  try {
    // The cards' end and Next's compile, or Next's end, unless either fails first.
    await Promise.race([next.done, Promise.all([cards.done, next.ready ?? next.done])]);
    const postExport = start('the post-export steps');
    postExport.done.catch(() => {});
    running.push(postExport);
    // Next's end, unless the post-export steps fail while they wait for it.
    await Promise.race([next.done, postExport.done.then(() => next.done)]);
    postExport.proceed();
    await Promise.all([postExport.done, cards.done]);
  } catch (error) {
    for (const step of running) step.stop();
    await Promise.allSettled(running.map((step) => step.done));
    throw error;
  }
}
