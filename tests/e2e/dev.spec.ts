import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { FIXTURE_SITE } from './fixture-site';

/**
 * `npm run dev` as an editor uses it: a copy of the fixture content is served by the
 * development server; files are edited on disk and the page is reloaded.
 */

test.describe.configure({ mode: 'serial' });

const content = mkdtempSync(path.join(tmpdir(), 'dev-content-'));
const storyFile = path.join(content, 'articles/plain-story/ar.mdx');
let server: ChildProcess | undefined;
let origin = '';
let log = '';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  cpSync(path.resolve(FIXTURE_SITE.contentDir), content, { recursive: true });
  const port = await freePort();
  origin = `http://localhost:${port}`;
  server = spawn(path.resolve('node_modules/.bin/next'), ['dev', '--port', String(port)], {
    env: { ...process.env, CONTENT_DIR: content, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'development' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk) => (log += chunk));
  server.stderr?.on('data', (chunk) => (log += chunk));
  const deadline = Date.now() + 200_000;
  for (;;) {
    try {
      const response = await fetch(`${origin}/ar/`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`next dev did not start:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
});

test.afterAll(() => {
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
});

test.beforeEach(() => {
  test.setTimeout(120_000);
});

/** The problem lines `npm run check` prints for the edited content. */
function checkLines(): string[] {
  const result = spawnSync(path.resolve('node_modules/.bin/tsx'), ['scripts/check.ts'], {
    env: { ...process.env, CONTENT_DIR: content },
    encoding: 'utf8',
  });
  return result.stderr.split('\n').filter((line) => /:\d+:\d+ {2}/.test(line));
}

const original = () => readFileSync(path.resolve(FIXTURE_SITE.contentDir, 'articles/plain-story/ar.mdx'), 'utf8');

test('drafts and scheduled stories are visible while editing, with their images', async ({ page }) => {
  await page.goto(`${origin}/ar/news/draft-story/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('مسودة لم تُنشر بعد');
  const image = page.getByRole('img', { name: 'صورة المسودة' });
  await expect(image).toHaveAttribute('width', '320');
  const response = await page.request.get(new URL((await image.getAttribute('src'))!, origin).href);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/png');
  await page.goto(`${origin}/en/news/scheduled-story/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scheduled story for December');
});

test('a saved change shows on reload, without restarting', async ({ page }) => {
  await page.goto(`${origin}/ar/news/plain-story/`);
  await expect(page.locator('.story-body')).toContainText('فقرة من قصة منشورة.');
  writeFileSync(storyFile, original().replace('فقرة من قصة منشورة.', 'فقرة عُدّلت للتو وحُفظت.'));
  await page.reload();
  await expect(page.locator('.story-body')).toContainText('فقرة عُدّلت للتو وحُفظت.');
});

test('an invalid file shows the checker’s precise error in the browser, and the page returns once fixed', async ({ page }) => {
  writeFileSync(storyFile, `${original()}\n<Chart data="x" />\n`);
  const expected = checkLines();
  expect(expected).toHaveLength(1);
  expect(expected[0]).toMatch(/articles\/plain-story\/ar\.mdx:14:1 {2}<Chart> is not a component of the kit \(components that exist: Figure, PullQuote, FactBox, EditorNote, Correction, Lang\)$/);

  for (const address of ['/ar/news/plain-story/', '/ar/', '/en/news/kit-showcase/']) {
    await page.goto(`${origin}${address}`);
    await expect(page.getByRole('heading', { level: 1 }), address).toHaveText(
      address.startsWith('/en/') ? 'This content cannot be published yet' : 'لا يمكن نشر هذا المحتوى بعد',
    );
    await expect(page.locator('.content-problems-list li code')).toHaveText(expected);
  }

  writeFileSync(storyFile, original());
  await page.goto(`${origin}/ar/news/plain-story/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('قصة منشورة بسيطة');
});

test('a story whose front matter breaks is explained at its own address, not a bare 404', async ({ page }) => {
  writeFileSync(storyFile, original().replace('title: "قصة منشورة بسيطة"\n', ''));
  const expected = checkLines();
  expect(expected).toEqual([expect.stringMatching(/articles\/plain-story\/ar\.mdx:2:1 {2}title is required$/)]);
  await page.goto(`${origin}/ar/news/plain-story/`);
  await expect(page.locator('.content-problems-list li code')).toHaveText(expected);
  // Still so on later reloads, once next dev has refreshed the pages it knows, in the
  // background, from the content as it now is.
  for (let reload = 0; reload < 3; reload += 1) {
    await page.reload();
    await expect(page.locator('.content-problems-list li code')).toHaveText(expected);
  }
  writeFileSync(storyFile, original());
  await page.goto(`${origin}/ar/news/plain-story/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('قصة منشورة بسيطة');
});

test('an MDX syntax error names its line instead of showing a stack trace', async ({ page }) => {
  writeFileSync(storyFile, `${original()}\n<EditorNote>\n\nملاحظة لم تُغلق.\n`);
  const expected = checkLines();
  expect(expected).toEqual([expect.stringMatching(/plain-story\/ar\.mdx:14:1 {2}<EditorNote> is opened here but never closed/)]);
  await page.goto(`${origin}/ar/news/plain-story/`);
  await expect(page.locator('.content-problems-list li code')).toHaveText(expected);
  writeFileSync(storyFile, original());
});
