import { describe, expect, it } from 'vitest';
import { publish, type RunningStep, type StepName } from '@/lib/build/publish';

/** What a step reports before it ends (RunningStep.ready). */
type Milestone = 'next build compiled' | 'fonts stylesheet written';

/** Steps that finish when the test says so, recording what the build did in order. */
function fakeSteps() {
  const events: string[] = [];
  const finish = new Map<StepName, (error?: Error) => void>();
  const settled = new Set<StepName>();
  const start = (step: StepName): RunningStep => {
    events.push(`start ${step}`);
    const done = new Promise<void>((resolve, reject) => {
      finish.set(step, (error) => {
        if (settled.has(step)) throw new Error(`the test ended ${step} twice`);
        settled.add(step);
        events.push(`${error ? 'fail' : 'end'} ${step}`);
        if (error) reject(error);
        else resolve();
      });
    });
    // Like a process: stopping one that has already ended does nothing.
    const stop = () => {
      if (settled.has(step)) return;
      events.push(`stop ${step}`);
      finish.get(step)!(new Error(`${step} stopped`));
    };
    const proceed = () => events.push(`proceed ${step}`);
    const milestone = step === 'next build' ? 'next build compiled' : step === 'the font subsetting' ? 'fonts stylesheet written' : undefined;
    if (!milestone) return { done, stop, proceed };
    const ready = new Promise<void>((resolve) => {
      reach.set(milestone, () => {
        events.push(milestone);
        resolve();
      });
    });
    return { done, stop, proceed, ready };
  };
  const reach = new Map<Milestone, () => void>();
  const settle = (step: StepName | Milestone, error?: Error) => {
    if (step === 'next build compiled' || step === 'fonts stylesheet written') reach.get(step)!();
    else finish.get(step)!(error);
  };
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
  const openGate = () => events.push('gate opened');
  /** Starts a build and ends its steps in this order (an error for a step that fails), letting the build react after each. */
  const play = async (...moves: [StepName | Milestone, Error?][]) => {
    const build = publish(start, openGate);
    build.catch(() => {});
    for (const [step, error] of moves) {
      await tick();
      settle(step, error);
    }
    return build;
  };
  return { events, start, settle, tick, openGate, play };
}

const failed = (step: string) => new Error(`${step} failed`);

describe('the order of a build', () => {
  it('starts Next once the fonts exist, opens the content gate when the check passes, and runs the post-export steps last', async () => {
    const steps = fakeSteps();
    const build = publish(steps.start, steps.openGate);
    await steps.tick();
    steps.settle('the font subsetting');
    await steps.tick();
    expect(steps.events).toContain('start next build');
    expect(steps.events).not.toContain('gate opened');
    steps.settle('the content check');
    await steps.tick();
    expect(steps.events.at(-2)).toBe('gate opened');
    steps.settle('next build');
    await steps.tick();
    steps.settle('the post-export steps');
    await steps.tick();
    steps.settle('the social cards');
    await build;
    expect(steps.events).toEqual([
      'start the content check',
      'start the font subsetting',
      'end the font subsetting',
      'start next build',
      'end the content check',
      'gate opened',
      'start the social cards',
      'end next build',
      'start the post-export steps',
      'proceed the post-export steps',
      'end the post-export steps',
      'end the social cards',
    ]);
  });

  it('starts the post-export steps once the cards are done and Next has compiled, and lets them begin only when Next has finished', async () => {
    const steps = fakeSteps();
    const build = steps.play(['the font subsetting'], ['the content check'], ['the social cards']);
    for (let i = 0; i < 5; i += 1) await steps.tick();
    expect(steps.events.at(-1)).toBe('end the social cards');
    steps.settle('next build compiled');
    await steps.tick();
    expect(steps.events.slice(-2)).toEqual(['next build compiled', 'start the post-export steps']);
    steps.settle('next build');
    await steps.tick();
    expect(steps.events.slice(-2)).toEqual(['end next build', 'proceed the post-export steps']);
    steps.settle('the post-export steps');
    await build;
  });

  it('starts Next once the fonts’ stylesheet is written, and opens the gate only once the check has passed and the faces are cut', async () => {
    const steps = fakeSteps();
    const build = steps.play(['fonts stylesheet written'], ['the content check']);
    for (let i = 0; i < 5; i += 1) await steps.tick();
    expect(steps.events).toEqual([
      'start the content check',
      'start the font subsetting',
      'fonts stylesheet written',
      'start next build',
      'end the content check',
    ]);
    steps.settle('the font subsetting');
    await steps.tick();
    expect(steps.events.slice(-3)).toEqual(['end the font subsetting', 'gate opened', 'start the social cards']);
    steps.settle('next build');
    await steps.tick();
    steps.settle('the social cards');
    await steps.tick();
    steps.settle('the post-export steps');
    await build;
  });

  it('stops Next with the fonts’ error when the faces fail after the stylesheet, once the check has passed', async () => {
    const steps = fakeSteps();
    await expect(
      steps.play(['fonts stylesheet written'], ['the font subsetting', failed('the font subsetting')], ['the content check']),
    ).rejects.toThrow('the font subsetting failed');
    expect(steps.events).toContain('stop next build');
    expect(steps.events).not.toContain('gate opened');
  });

  it('starts the social cards only once the check has passed, beside Next, and finishes only when they are rendered', async () => {
    const steps = fakeSteps();
    let finished = false;
    const build = publish(steps.start, steps.openGate).then(() => (finished = true));
    await steps.tick();
    steps.settle('the font subsetting');
    await steps.tick();
    expect(steps.events).not.toContain('start the social cards');
    steps.settle('the content check');
    await steps.tick();
    expect(steps.events.slice(-2)).toEqual(['gate opened', 'start the social cards']);
    steps.settle('the social cards');
    await steps.tick();
    expect(steps.events).not.toContain('proceed the post-export steps');
    steps.settle('next build');
    await steps.tick();
    steps.settle('the post-export steps');
    await build;
    expect(finished).toBe(true);
  });

  it('is not done while the cards are still rendering, even once the post-export steps have ended', async () => {
    const steps = fakeSteps();
    let finished = false;
    const build = steps.play(['the font subsetting'], ['the content check'], ['next build'], ['the post-export steps']).then(() => (finished = true));
    await steps.tick();
    await steps.tick();
    expect(finished).toBe(false);
    steps.settle('the social cards');
    await build;
    expect(finished).toBe(true);
  });

  it('fails with Next’s error when Next fails after the cards have finished, and stops the post-export steps before they begin', async () => {
    const steps = fakeSteps();
    await expect(
      steps.play(['the font subsetting'], ['the content check'], ['next build compiled'], ['the social cards'], ['next build', failed('next build')]),
    ).rejects.toThrow('next build failed');
    expect(steps.events.slice(-2)).toEqual(['stop the post-export steps', 'fail the post-export steps']);
    expect(steps.events).not.toContain('proceed the post-export steps');
  });

  it('stops Next when the post-export steps fail while they wait for it', async () => {
    const steps = fakeSteps();
    await expect(
      steps.play(['the font subsetting'], ['the content check'], ['the social cards'], ['next build compiled'], ['the post-export steps', failed('the post-export steps')]),
    ).rejects.toThrow('the post-export steps failed');
    expect(steps.events.slice(-2)).toEqual(['stop next build', 'fail next build']);
  });

  it('stops Next, and never starts the post-export steps, when the cards fail first', async () => {
    const steps = fakeSteps();
    await expect(steps.play(['the font subsetting'], ['the content check'], ['the social cards', failed('the social cards')])).rejects.toThrow(
      'the social cards failed',
    );
    expect(steps.events).toContain('stop next build');
    expect(steps.events).not.toContain('start the post-export steps');
  });

  it('stops the post-export steps when the cards fail while they run', async () => {
    const steps = fakeSteps();
    await expect(
      steps.play(['the font subsetting'], ['the content check'], ['next build'], ['the social cards', failed('the social cards')]),
    ).rejects.toThrow('the social cards failed');
    expect(steps.events.slice(-2)).toEqual(['stop the post-export steps', 'fail the post-export steps']);
  });

  it('stops the cards when the post-export steps fail', async () => {
    const steps = fakeSteps();
    await expect(
      steps.play(['the font subsetting'], ['the content check'], ['next build'], ['the post-export steps', failed('the post-export steps')]),
    ).rejects.toThrow('the post-export steps failed');
    expect(steps.events.slice(-2)).toEqual(['stop the social cards', 'fail the social cards']);
  });

  it('stops Next without opening the gate when the check fails, and fails with the check’s error', async () => {
    const steps = fakeSteps();
    await expect(steps.play(['the font subsetting'], ['the content check', failed('the content check')])).rejects.toThrow('the content check failed');
    expect(steps.events).toContain('stop next build');
    expect(steps.events).not.toContain('gate opened');
    expect(steps.events).not.toContain('start the social cards');
    expect(steps.events).not.toContain('start the post-export steps');
  });

  it('does not start Next at all when the check has failed before the fonts are ready', async () => {
    const steps = fakeSteps();
    await expect(steps.play(['the content check', failed('the content check')], ['the font subsetting'])).rejects.toThrow('the content check failed');
    expect(steps.events).not.toContain('start next build');
    expect(steps.events).not.toContain('start the social cards');
  });

  it('lets the check finish when the fonts fail, and reports a content problem first', async () => {
    const steps = fakeSteps();
    const build = steps.play(['the font subsetting', failed('the font subsetting')]);
    await steps.tick();
    expect(steps.events).not.toContain('start next build');
    steps.settle('the content check', failed('the content check'));
    await expect(build).rejects.toThrow('the content check failed');

    const fontsOnly = fakeSteps();
    await expect(fontsOnly.play(['the font subsetting', failed('the font subsetting')], ['the content check'])).rejects.toThrow('the font subsetting failed');
    expect(fontsOnly.events).not.toContain('start next build');
    expect(fontsOnly.events).not.toContain('start the social cards');
  });

  it('publishes nothing after Next fails', async () => {
    const steps = fakeSteps();
    await expect(steps.play(['the font subsetting'], ['the content check'], ['next build', failed('next build')])).rejects.toThrow('next build failed');
    expect(steps.events).not.toContain('start the post-export steps');
    expect(steps.events).toContain('stop the social cards');
  });
});
