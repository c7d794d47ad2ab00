/**
 * `npm run build`: the whole publish, each step a process of its own, in the order and with
 * the failure handling of lib/build/publish.ts:
 *   - the content check (which also stages story images and compiles the stories), beside
 *   - the font subsetting, then `next build` (its compile beside the rest of the check; its
 *     first read of the content waits until the check has passed), then
 *   - the post-export steps (scripts/postexport.ts).
 * A failing step stops the build with its own message and nothing is published: a failing
 * check stops Next, and the check runs to the end even when the fonts fail first, so every
 * problem in the content is reported.
 *
 *   PUBLISH_DATE  the day scheduled stories are judged against (default: today in UTC), fixed
 *                 once here so that a build crossing midnight treats every story alike
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { publish, type RunningStep, type StepName } from '@/lib/build/publish';
import { CHECK_GATE, CHECK_GATE_OWNER } from '@/lib/content/check-gate';
import { tsScript } from '@/lib/node-script';

const root = process.cwd();
// A folder of this build's own, so that no other build's gate can ever be taken for this one's.
const gateDir = mkdtempSync(path.join(tmpdir(), 'sada-build-'));
const gate = path.join(gateDir, 'content-checked');
const env = {
  ...process.env,
  PUBLISH_DATE: process.env.PUBLISH_DATE || new Date().toISOString().slice(0, 10),
  NEXT_TELEMETRY_DISABLED: '1',
};

const commands: Record<StepName, string[]> = {
  'the content check': tsScript('scripts/check.ts', '--quiet', '--stage-media'),
  'the font subsetting': tsScript('scripts/build-fonts.ts'),
  'next build': [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'],
  'the post-export steps': tsScript('scripts/postexport.ts'),
};

const running = new Set<ChildProcess>();

function start(step: StepName): RunningStep {
  const gated = step === 'next build' ? { [CHECK_GATE]: gate, [CHECK_GATE_OWNER]: String(process.pid) } : {};
  const child = spawn(process.execPath, commands[step], { stdio: 'inherit', env: { ...env, ...gated }, cwd: root });
  running.add(child);
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      running.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`build: ${step} failed (${signal ? `stopped by ${signal}` : `exited with ${code}`}); nothing was published`));
    });
  });
  return {
    done,
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    },
  };
}

// Stopped from outside (Ctrl-C, a cancelled CI job): stop every step and leave no gate behind.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const child of running) child.kill('SIGTERM');
    rmSync(gateDir, { recursive: true, force: true });
    console.error(`build: stopped by ${signal}; nothing was published`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

publish(start, () => writeFileSync(gate, 'the content check passed\n'))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  })
  .finally(() => rmSync(gateDir, { recursive: true, force: true }));
