/**
 * `npm run build`: the whole publish, each step a process of its own, in the order and with
 * the failure handling of lib/build/publish.ts:
 *   - the content check (which also stages story images and compiles the stories), beside
 *   - the font subsetting, then `next build` (beside the rest of the check), then
 *   - the post-export steps (scripts/postexport.ts).
 * Any step failing stops the build with its own message; nothing after it runs.
 *
 *   PUBLISH_DATE  the day scheduled stories are judged against (default: today in UTC), fixed
 *                 once here so that a build crossing midnight treats every story alike
 */
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { publish, type RunningStep, type StepName } from '@/lib/build/publish';
import { CHECK_GATE, CHECK_GATE_OWNER } from '@/lib/content/check-gate';
import { tsScript } from '@/lib/node-script';

const root = process.cwd();
const gate = path.join(tmpdir(), `sada-content-checked-${process.pid}`);
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

function start(step: StepName): RunningStep {
  const gated = step === 'next build' ? { [CHECK_GATE]: gate, [CHECK_GATE_OWNER]: String(process.pid) } : {};
  const child = spawn(process.execPath, commands[step], { stdio: 'inherit', env: { ...env, ...gated }, cwd: root });
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
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

publish(start, () => writeFileSync(gate, 'the content check passed\n'))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  })
  .finally(() => rmSync(gate, { force: true }));
