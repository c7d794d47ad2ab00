import { describe, expect, it } from 'vitest';
import { publish, type RunningStep, type StepName } from '@/lib/build/publish';

/** Steps that finish when the test says so, recording what the build did in order. */
function fakeSteps() {
  const events: string[] = [];
  const finish = new Map<StepName, (error?: Error) => void>();
  const start = (step: StepName): RunningStep => {
    events.push(`start ${step}`);
    const done = new Promise<void>((resolve, reject) => {
      finish.set(step, (error) => {
        events.push(`${error ? 'fail' : 'end'} ${step}`);
        if (error) reject(error);
        else resolve();
      });
    });
    return { done, stop: () => (events.push(`stop ${step}`), finish.get(step)!(new Error(`${step} stopped`))) };
  };
  const settle = (step: StepName, error?: Error) => finish.get(step)!(error);
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { events, start, settle, tick, openGate: () => events.push('gate opened') };
}

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
    expect(steps.events.at(-1)).toBe('gate opened');
    steps.settle('next build');
    await steps.tick();
    steps.settle('the post-export steps');
    await build;
    expect(steps.events).toEqual([
      'start the content check',
      'start the font subsetting',
      'end the font subsetting',
      'start next build',
      'end the content check',
      'gate opened',
      'end next build',
      'start the post-export steps',
      'end the post-export steps',
    ]);
  });

  it('stops Next without opening the gate when the check fails, and fails with the check’s error', async () => {
    const steps = fakeSteps();
    const build = publish(steps.start, steps.openGate);
    await steps.tick();
    steps.settle('the font subsetting');
    await steps.tick();
    steps.settle('the content check', new Error('the content check failed'));
    await expect(build).rejects.toThrow('the content check failed');
    expect(steps.events).toContain('stop next build');
    expect(steps.events).not.toContain('gate opened');
    expect(steps.events).not.toContain('start the post-export steps');
  });

  it('does not start Next at all when the check has failed before the fonts are ready', async () => {
    const steps = fakeSteps();
    const build = publish(steps.start, steps.openGate);
    await steps.tick();
    steps.settle('the content check', new Error('the content check failed'));
    await steps.tick();
    steps.settle('the font subsetting');
    await expect(build).rejects.toThrow('the content check failed');
    expect(steps.events).not.toContain('start next build');
  });

  it('lets the check finish when the fonts fail, and reports a content problem first', async () => {
    const steps = fakeSteps();
    const build = publish(steps.start, steps.openGate);
    await steps.tick();
    steps.settle('the font subsetting', new Error('the font subsetting failed'));
    await steps.tick();
    expect(steps.events).not.toContain('start next build');
    steps.settle('the content check', new Error('the content check failed'));
    await expect(build).rejects.toThrow('the content check failed');

    const fontsOnly = fakeSteps();
    const second = publish(fontsOnly.start, fontsOnly.openGate);
    await fontsOnly.tick();
    fontsOnly.settle('the font subsetting', new Error('the font subsetting failed'));
    await fontsOnly.tick();
    fontsOnly.settle('the content check');
    await expect(second).rejects.toThrow('the font subsetting failed');
    expect(fontsOnly.events).not.toContain('start next build');
  });

  it('publishes nothing after Next fails', async () => {
    const steps = fakeSteps();
    const build = publish(steps.start, steps.openGate);
    await steps.tick();
    steps.settle('the font subsetting');
    steps.settle('the content check');
    await steps.tick();
    steps.settle('next build', new Error('next build failed'));
    await expect(build).rejects.toThrow('next build failed');
    expect(steps.events).not.toContain('start the post-export steps');
  });
});
