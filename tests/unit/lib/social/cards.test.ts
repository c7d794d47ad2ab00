import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { setPriority, tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CARDS_GATE, CARDS_PROCESS } from '@/lib/build/cards-gate';
import { cardJobs, openCardsGate, renderCards, waitForBuildCards, writeCards, type CardJob } from '@/lib/social/cards';

vi.setConfig({ testTimeout: 120_000 });

const work = mkdtempSync(path.join(tmpdir(), 'cards-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const story = (title: string): CardJob => ({
  kind: 'card',
  sitePath: '/en/news/a-story/card.png',
  input: { title, siteName: 'Sada', sectionLabel: 'World', locale: 'en', dir: 'ltr' },
});

describe('social cards of an export', () => {
  it('plans a card per story version, a card per language and the logo', () => {
    const paths = cardJobs().map((job) => job.sitePath);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/ar/news/qatar-anti-trafficking-centre/card.png',
        '/en/news/qatar-anti-trafficking-centre/card.png',
        '/ar/card.png',
        '/en/card.png',
        '/logo.png',
      ]),
    );
    const arabic = cardJobs().find((job) => job.sitePath === '/ar/news/qatar-anti-trafficking-centre/card.png');
    expect(arabic?.input).toMatchObject({ title: 'منظمات: خطوة غير مسبوقة من قطر لمكافحة الاتجار بالبشر', locale: 'ar', dir: 'rtl', sectionLabel: 'حقوق الإنسان' });
  });

  it('renders each card once and rebuilds only the cards whose text changed', async () => {
    const outDir = path.join(work, 'out');
    const cacheDir = path.join(work, 'cache');
    const logo: CardJob = { kind: 'logo', sitePath: '/logo.png', input: [{ text: 'صدى', locale: 'ar' }, { text: 'Sada', locale: 'en' }] };

    expect(await writeCards(outDir, [story('First headline'), logo], { cacheDir })).toEqual({ rendered: 2, cached: 0 });
    const first = readFileSync(path.join(outDir, 'en/news/a-story/card.png'));
    expect(await sharp(first).metadata()).toMatchObject({ format: 'png', width: 1200, height: 630 });
    expect(await sharp(path.join(outDir, 'logo.png')).metadata()).toMatchObject({ width: 512, height: 512 });

    expect(await writeCards(outDir, [story('First headline'), logo], { cacheDir })).toEqual({ rendered: 0, cached: 2 });
    expect(await writeCards(outDir, [story('A corrected headline'), logo], { cacheDir })).toEqual({ rendered: 1, cached: 1 });
    expect(readFileSync(path.join(outDir, 'en/news/a-story/card.png')).equals(first)).toBe(false);
    // The export's cards are the cache's files under a second name (no data copied), and a
    // changed card replaces the export's name without touching the cached card it had.
    const cached = readdirSync(cacheDir).filter((name) => name.endsWith('.png'));
    expect(cached).toHaveLength(3);
    expect(cached.some((name) => readFileSync(path.join(cacheDir, name)).equals(first))).toBe(true);
    const exported = statSync(path.join(outDir, 'en/news/a-story/card.png'));
    expect(cached.filter((name) => statSync(path.join(cacheDir, name)).ino === exported.ino)).toHaveLength(1);
  });
});

/** The nice value of `/proc/<task>` (field 19 of its stat line). */
function nicenessOf(task: string): number {
  return Number(readFileSync(`/proc/${task}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);
}

/** Whether this process may raise a niced process back to priority 0. */
async function mayRaisePriority(): Promise<boolean> {
  const probe = spawn('nice', ['-n', '19', process.execPath, '-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
  try {
    await new Promise((resolve) => setTimeout(resolve, 100));
    setPriority(probe.pid!, 0);
    return true;
  } catch {
    return false;
  } finally {
    probe.kill();
  }
}

/** A folder on another file system than the temporary folder's, where this machine has one. */
const otherDevice = ['/dev/shm'].find((dir) => existsSync(dir) && statSync(dir).dev !== statSync(tmpdir()).dev);

describe('cards placed in the export', () => {
  it.skipIf(!otherDevice)('copies a card where the cache and the export cannot share a file', async () => {
    const cacheDir = mkdtempSync(path.join(otherDevice!, 'cards-cache-'));
    try {
      const outDir = path.join(work, 'other-device-out');
      expect(await writeCards(outDir, [story('Across file systems')], { cacheDir })).toEqual({ rendered: 1, cached: 0 });
      const [cached] = readdirSync(cacheDir).filter((name) => name.endsWith('.png'));
      const exported = path.join(outDir, 'en/news/a-story/card.png');
      expect(readFileSync(exported).equals(readFileSync(path.join(cacheDir, cached!)))).toBe(true);
      expect(statSync(exported).nlink).toBe(1);
      // Placed again over the copy (a post-export step run twice into one folder).
      expect(await writeCards(outDir, [story('Across file systems')], { cacheDir })).toEqual({ rendered: 0, cached: 1 });
      expect(readFileSync(exported).equals(readFileSync(path.join(cacheDir, cached!)))).toBe(true);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});

describe('cards rendered beside the build', () => {
  it('renders into the cache only, and the export step then copies without rendering again', async () => {
    const cacheDir = path.join(work, 'beside-cache');
    const outDir = path.join(work, 'beside-out');
    expect(await renderCards([story('Rendered beside Next')], { cacheDir })).toEqual({ rendered: 1, cached: 0 });
    expect(existsSync(outDir)).toBe(false);
    expect(readdirSync(cacheDir).filter((name) => name.endsWith('.png'))).toHaveLength(1);
    expect(await writeCards(outDir, [story('Rendered beside Next')], { cacheDir })).toEqual({ rendered: 0, cached: 1 });
    expect(await sharp(path.join(outDir, 'en/news/a-story/card.png')).metadata()).toMatchObject({ width: 1200, height: 630 });
  });

  it('is not waited for outside a build', async () => {
    expect(await waitForBuildCards({})).toBeUndefined();
  });

  it('waits until the cards process has opened its gate, and gives its report', async () => {
    const gate = path.join(work, 'gate-open');
    // A stand-in for the cards process: alive until the test ends it.
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    try {
      const waiting = waitForBuildCards({ [CARDS_GATE]: gate, [CARDS_PROCESS]: String(child.pid) });
      let settled = false;
      void waiting.then(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(settled).toBe(false);
      openCardsGate({ rendered: 3, cached: 2 }, { [CARDS_GATE]: gate });
      expect(await waiting).toEqual({ rendered: 3, cached: 2 });
    } finally {
      child.kill();
    }
  });

  it('fails, naming the process, when the cards process has ended without opening its gate', async () => {
    const child = spawn(process.execPath, ['-e', 'process.exit(1)'], { stdio: 'ignore' });
    await new Promise((resolve) => child.on('exit', resolve));
    await expect(waitForBuildCards({ [CARDS_GATE]: path.join(work, 'never-opened'), [CARDS_PROCESS]: String(child.pid) })).rejects.toThrow(
      `the social cards process (${child.pid}) stopped before it had rendered every card`,
    );
  });

  it('raises every thread of a low-priority cards process back to normal priority where the system allows it', async () => {
    const gate = path.join(work, 'raised');
    const child = spawn('nice', ['-n', '19', process.execPath, '-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    const niceness = () => readdirSync(`/proc/${child.pid}/task`).map((thread) => nicenessOf(`${child.pid}/task/${thread}`));
    try {
      // Node's threads are all up once it has read its script.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(new Set(niceness())).toEqual(new Set([19]));
      const waiting = waitForBuildCards({ [CARDS_GATE]: gate, [CARDS_PROCESS]: String(child.pid) });
      waiting.catch(() => {});
      // Raising a priority needs CAP_SYS_NICE or a nice limit that allows it; without either
      // the process stays low. Whether this machine allows it is asked of another process.
      expect(new Set(niceness())).toEqual(new Set([(await mayRaisePriority()) ? 0 : 19]));
      openCardsGate({ rendered: 1, cached: 0 }, { [CARDS_GATE]: gate });
      expect(await waiting).toEqual({ rendered: 1, cached: 0 });
    } finally {
      child.kill();
    }
  });

  it('leaves the process alone once its gate is open: its work is done', async () => {
    const gate = path.join(work, 'already-open');
    openCardsGate({ rendered: 2, cached: 0 }, { [CARDS_GATE]: gate });
    const other = spawn('nice', ['-n', '19', process.execPath, '-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await waitForBuildCards({ [CARDS_GATE]: gate, [CARDS_PROCESS]: String(other.pid) })).toEqual({ rendered: 2, cached: 0 });
      expect(nicenessOf(String(other.pid))).toBe(19);
    } finally {
      other.kill();
    }
  });

  it('accepts a gate opened before the process ended', async () => {
    const gate = path.join(work, 'opened-then-ended');
    writeFileSync(gate, `${JSON.stringify({ rendered: 0, cached: 7 })}\n`);
    expect(await waitForBuildCards({ [CARDS_GATE]: gate, [CARDS_PROCESS]: '999999999' })).toEqual({ rendered: 0, cached: 7 });
  });
});
