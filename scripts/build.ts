/**
 * `npm run build`: the whole publish, each step a process of its own.
 *   1. the content check (which also stages story images) and the font subsetting, side by side:
 *      each is one busy thread, and neither reads what the other writes;
 *   2. `next build`, the static export;
 *   3. the post-export steps (scripts/postexport.ts).
 * Any step failing stops the build with its own message; nothing after it runs.
 *
 *   PUBLISH_DATE  the day scheduled stories are judged against (default: today in UTC), fixed
 *                 once here so that a build crossing midnight treats every story alike
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { tsScript } from '@/lib/node-script';

const root = process.cwd();
const next = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const env = {
  ...process.env,
  PUBLISH_DATE: process.env.PUBLISH_DATE || new Date().toISOString().slice(0, 10),
  NEXT_TELEMETRY_DISABLED: '1',
};

function run(label: string, args: string[]): { done: Promise<void> } {
  const child = spawn(process.execPath, args, { stdio: 'inherit', env, cwd: root });
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new BuildStepError(label, signal ? `stopped by ${signal}` : `exited with ${code}`));
    });
  });
  return { done };
}

class BuildStepError extends Error {
  constructor(
    readonly step: string,
    reason: string,
  ) {
    super(`build: ${step} failed (${reason}); nothing was published`);
  }
}

async function main() {
  // Both run to the end, so that the check reports every problem in the content even when the
  // font subsetting fails first.
  const settled = await Promise.allSettled([
    run('the content check', tsScript('scripts/check.ts', '--quiet', '--stage-media')).done,
    run('the font subsetting', tsScript('scripts/build-fonts.ts')).done,
  ]);
  const failed = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
  await run('next build', [next, 'build']).done;
  await run('the post-export steps', tsScript('scripts/postexport.ts')).done;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
