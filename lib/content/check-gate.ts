import { existsSync } from 'node:fs';
import { isRunning } from '../process-alive';

/**
 * `npm run build` (scripts/build.ts) starts Next's compile while the content check is still
 * running: the compile bundles code and never reads a story. The first read of the content in
 * Next's processes waits here until the check has passed, and then finds every story checked
 * and parsed in the cache the check fills, instead of parsing them all again. If the check
 * fails, the build stops Next before it has read anything. Without CHECK_GATE (next dev, the
 * tests, a bare `next build`) nothing waits.
 *
 *   CHECK_GATE        the file the build creates once the check has passed
 *   CHECK_GATE_OWNER  the build's process id: if that process is gone, nobody will open the gate
 */
export const CHECK_GATE = 'CHECK_GATE';
export const CHECK_GATE_OWNER = 'CHECK_GATE_OWNER';

const POLL_MS = 20;

export function waitForContentCheck(env: Record<string, string | undefined> = process.env, timeoutMs = 60 * 60_000): void {
  const gate = env[CHECK_GATE];
  if (!gate) return;
  const owner = Number(env[CHECK_GATE_OWNER]);
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  const started = Date.now();
  while (!existsSync(gate)) {
    if (owner && !isRunning(owner)) throw new Error(`the build that was checking the content (process ${owner}) has stopped, so the content was never checked`);
    if (Date.now() - started > timeoutMs) throw new Error(`the content check had not passed after ${Math.round(timeoutMs / 60_000)} minutes (${gate} was never created)`);
    Atomics.wait(sleeper, 0, 0, POLL_MS);
  }
}
