/**
 * `npm run build`: the whole publish, each step a process of its own, in the order and with
 * the failure handling of lib/build/publish.ts:
 *   - the content check (which also stages story images and compiles the stories), beside
 *   - the font subsetting, then `next build` (its compile beside the rest of the check; its
 *     first read of the content waits until the check has passed), then
 *   - the social cards (scripts/cards.ts), rendered into their cache from the moment the check
 *     has passed, at the lowest priority, beside Next and then
 *   - the post-export steps (scripts/postexport.ts), which wait for the cards before linking them into the export.
 * Each step runs from the build's own compiled copy of the scripts (lib/build/script-bundle.ts).
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
import { CARDS_GATE, CARDS_PROCESS } from '@/lib/build/cards-gate';
import { AWAIT_NEXT, FONT_STYLESHEET_LINE, PROCEED_LINE, publish, type RunningStep, type StepName } from '@/lib/build/publish';
import { BUILD_SCRIPTS_DIR, bundleScripts, scriptBundleDir } from '@/lib/build/script-bundle';
import { CHECK_GATE, CHECK_GATE_OWNER } from '@/lib/content/check-gate';
import { tsScript } from '@/lib/node-script';
import { signalGroup, STOP_SIGNALS } from '@/lib/process-alive';

const root = process.cwd();
// A folder of this build's own, so that no other build's gate can ever be taken for this one's.
const gateDir = mkdtempSync(path.join(tmpdir(), 'sada-build-'));
const gate = path.join(gateDir, 'content-checked');
const cardsGate = path.join(gateDir, 'cards-rendered');
const scriptsDir = scriptBundleDir(root);
process.env[BUILD_SCRIPTS_DIR] = scriptsDir;
const env = {
  ...process.env,
  PUBLISH_DATE: process.env.PUBLISH_DATE || new Date().toISOString().slice(0, 10),
  NEXT_TELEMETRY_DISABLED: '1',
};

/**
 * The font step and the cards subset fonts with HarfBuzz and compress them with WOFF2's
 * encoder, both WebAssembly, which Node compiles a second time, optimised, on background
 * threads; in processes this short the second compile costs more than it saves. With the
 * baseline compiler alone the font step took 2.1 s instead of 2.4-2.6 s, and 2.6 s of CPU
 * instead of 3.7-4.4 s, with 162 MB at its peak instead of 230 MB (1,000 stories, cold); the
 * same fonts, byte for byte.
 */
const BASELINE_WASM = '--liftoff-only';

const commands = (): Record<StepName, string[]> => ({
  'the content check': tsScript('scripts/check.ts', '--quiet', '--stage-media'),
  'the font subsetting': [BASELINE_WASM, ...tsScript('scripts/build-fonts.ts')],
  'next build': [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'],
  'the social cards': [BASELINE_WASM, ...tsScript('scripts/cards.ts')],
  'the post-export steps': tsScript('scripts/postexport.ts'),
});

/**
 * What a step prints once the next step can start: Next at the end of its compile (a newer
 * wording only delays the post-export step's start to Next's end), the font step once its
 * stylesheet is written.
 */
const READY_MARKERS: Partial<Record<StepName, RegExp>> = {
  'next build': /Compiled successfully|Compiled with warnings|Collecting page data/,
  'the font subsetting': new RegExp(`^${FONT_STYLESHEET_LINE}$`, 'm'),
};

const running = new Set<ChildProcess>();

// Output the reader has stopped reading (`npm run build | head`) must not stop the build.
process.stdout.on('error', () => {});

let cardsProcess: number | undefined;

/** What a step needs to know of the others: the gate Next waits on, the cards process the post-export waits for. */
function stepEnv(step: StepName): NodeJS.ProcessEnv {
  // Next's output now passes through a pipe: it keeps its colours where the build has a terminal.
  if (step === 'next build') return { ...env, [CHECK_GATE]: gate, [CHECK_GATE_OWNER]: String(process.pid), ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}) };
  if (step === 'the social cards') return { ...env, [CARDS_GATE]: cardsGate };
  if (step === 'the post-export steps') return { ...env, [AWAIT_NEXT]: '1', ...(cardsProcess ? { [CARDS_GATE]: cardsGate, [CARDS_PROCESS]: String(cardsProcess) } : {}) };
  return env;
}

function start(step: StepName): RunningStep {
  const command = [process.execPath, ...commands()[step]];
  // The cards run at the lowest priority, every thread of them (hence `nice`, not a later
  // setpriority, which reaches only the main thread): they are given a hardware thread that
  // Next or the post-export steps leave idle (where it shares a core, it still slows the other
  // thread of that core), until the post-export step raises them, where the system allows it,
  // and waits for them (lib/social/cards.ts, waitForBuildCards).
  if (step === 'the social cards' && process.platform !== 'win32') command.unshift('nice', '-n', '19');
  // Each step leads a process group of its own, so that stopping it stops the processes it
  // started too (Next's workers, the page renderers, Pagefind).
  // No step reads the terminal (a background process group that did would be stopped); the
  // post-export steps read from the build the line that lets them begin (lib/build/publish.ts).
  const waits = step === 'the post-export steps';
  // Next's and the font step's output passes through the build, which watches it for the end
  // of Next's compile and for the fonts' stylesheet (lib/build/publish.ts, `ready`).
  const marker = READY_MARKERS[step];
  const child = spawn(command[0]!, command.slice(1), {
    stdio: [waits ? 'pipe' : 'ignore', marker ? 'pipe' : 'inherit', 'inherit'],
    env: stepEnv(step),
    cwd: root,
    detached: process.platform !== 'win32',
  });
  // A step that has already exited cannot be told to proceed; its own failure is what counts.
  child.stdin?.on('error', () => {});
  let ready: Promise<void> | undefined;
  if (marker && child.stdout) {
    child.stdout.pipe(process.stdout);
    ready = new Promise((resolve) => {
      let seen = '';
      const onData = (chunk: Buffer) => {
        seen += chunk.toString('utf8');
        if (marker.test(seen)) {
          child.stdout!.off('data', onData);
          resolve();
          return;
        }
        // Enough to find a marker split between two chunks.
        seen = seen.slice(-4096);
      };
      child.stdout!.on('data', onData);
    });
  }
  if (step === 'the social cards') cardsProcess = child.pid;
  running.add(child);
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      running.delete(child);
      // A step that failed may have left processes of its own running (a page renderer, Pagefind).
      if (code !== 0) signalGroup(child.pid);
      // The benchmark ends Next's last phase at this line.
      if (code === 0 && step === 'next build') console.log('build: next build finished');
      if (code === 0) resolve();
      else reject(new Error(`build: ${step} failed (${signal ? `stopped by ${signal}` : `exited with ${code}`}); nothing was published`));
    });
  });
  return { done, stop: () => stopGroup(child), proceed: () => child.stdin?.end(`${PROCEED_LINE}\n`), ready };
}

function stopGroup(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  if (process.platform === 'win32') child.kill('SIGTERM');
  else signalGroup(child.pid);
}

// Stopped from outside (Ctrl-C, a cancelled CI job, a closed terminal): stop every step, whose
// process groups the terminal's signals no longer reach, and leave no gate behind.
for (const signal of Object.keys(STOP_SIGNALS) as (keyof typeof STOP_SIGNALS)[]) {
  process.once(signal, () => {
    for (const child of running) stopGroup(child);
    removeBuildFolders();
    console.error(`build: stopped by ${signal}; nothing was published`);
    process.exit(STOP_SIGNALS[signal]);
  });
}

function removeBuildFolders() {
  rmSync(gateDir, { recursive: true, force: true });
  rmSync(scriptsDir, { recursive: true, force: true });
}

bundleScripts(scriptsDir, root)
  .then(() => publish(start, () => writeFileSync(gate, 'the content check passed\n')))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  })
  .finally(removeBuildFolders);
