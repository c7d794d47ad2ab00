import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_GATE, CHECK_GATE_OWNER, waitForContentCheck } from '@/lib/content/check-gate';

const gateIn = () => path.join(mkdtempSync(path.join(tmpdir(), 'check-gate-')), 'passed');
// Waiting blocks the thread, so the test runner's own timeout could not stop a wait that never ends.
const LIMIT_MS = 30_000;

describe('the content check gate', () => {
  it('does not wait outside `npm run build`', () => {
    const started = Date.now();
    waitForContentCheck({});
    expect(Date.now() - started).toBeLessThan(50);
  });

  it('goes on at once when the check has already passed', () => {
    const gate = gateIn();
    writeFileSync(gate, '');
    waitForContentCheck({ [CHECK_GATE]: gate }, LIMIT_MS);
  });

  it('waits until the gate is opened', () => {
    const gate = gateIn();
    // Another process opens it after 300 ms (waiting blocks this one, as it blocks Next's).
    spawn(process.execPath, ['-e', `setTimeout(() => require('node:fs').writeFileSync(${JSON.stringify(gate)}, ''), 300)`]);
    const started = Date.now();
    waitForContentCheck({ [CHECK_GATE]: gate, [CHECK_GATE_OWNER]: String(process.pid) }, LIMIT_MS);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('stops waiting, with a reason, when the build that owns the gate has gone', () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    expect(gone).toMatch(/^\d+$/);
    expect(() => waitForContentCheck({ [CHECK_GATE]: gateIn(), [CHECK_GATE_OWNER]: gone }, LIMIT_MS)).toThrow(`the build that was checking the content (process ${gone}) has stopped`);
  });

  it('gives up after its time limit', () => {
    expect(() => waitForContentCheck({ [CHECK_GATE]: gateIn() }, 100)).toThrow('the content check had not passed after');
  });
});
