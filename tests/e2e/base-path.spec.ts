import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createStaticServer } from '../../lib/export/static-server';
import { exportedPages, timeForPages, watchForErrors } from './site';

/**
 * The site served under a sub-path, as a GitHub project site is (https://owner.github.io/repo/).
 * `npm run test:e2e` builds this export with BASE_PATH=/sada and SITE_URL=https://example.org
 * into out-basepath/ (`npm run build:basepath`). The checks are generic, so pages, feeds and
 * files added later are covered: every address in every file of the export must carry the base
 * path and answer 200 when served under it.
 */

const DIR = path.resolve('out-basepath');
const BASE = '/sada';
const SITE = 'https://example.org';

const server = createStaticServer({ root: DIR, basePath: BASE, headers: true });
let origin = '';

test.beforeAll(async () => {
  expect(existsSync(path.join(DIR, 'index.html')), 'out-basepath/ is built by npm run test:e2e (npm run build:basepath)').toBe(true);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function filesOf(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesOf(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

/** Text files in which an address can appear: pages, stylesheets, feeds, sitemaps, manifests, scripts. */
const textFiles = filesOf(DIR).filter((file) => /\.(html|css|xml|json|webmanifest|txt|js)$/.test(file) || file === '_headers');

type Reference = { file: string; url: string };

/** Every address a file refers to, as written. */
function referencesIn(file: string): Reference[] {
  const text = readFileSync(path.join(DIR, file), 'utf8');
  const urls: string[] = [];
  if (file.endsWith('.html')) {
    for (const match of text.matchAll(/\s(?:href|src|action|poster)="([^"]*)"/g)) urls.push(match[1]);
    for (const match of text.matchAll(/\ssrcset="([^"]*)"/g)) urls.push(...match[1].split(',').map((part) => part.trim().split(/\s+/)[0]));
    for (const match of text.matchAll(/http-equiv="refresh" content="\d+;\s*url=([^"]+)"/g)) urls.push(match[1]);
  }
  if (file.endsWith('.css')) for (const match of text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) urls.push(match[1]);
  if (file.endsWith('.xml')) for (const match of text.matchAll(/\shref="([^"]*)"/g)) urls.push(match[1]);
  // Absolute addresses of the site anywhere: canonical, hreflang, Open Graph, JSON-LD, feeds, sitemap, robots.txt.
  for (const match of text.matchAll(new RegExp(`${SITE.replace(/[.]/g, '\\.')}[^"'<>\\s)\\\\]*`, 'g'))) urls.push(match[0]);
  return urls.map((url) => ({ file, url: url.replace(/&amp;/g, '&') }));
}

const references = textFiles.flatMap(referencesIn);

test('the sub-path export has every page and the canonical URLs carry the base path', () => {
  const pages = exportedPages(DIR);
  expect(pages).toEqual(expect.arrayContaining(['/', '/ar/', '/en/', '/ar/news/qatar-anti-trafficking-centre/']));
  for (const page of pages.filter((candidate) => candidate !== '/')) {
    const html = readFileSync(path.join(DIR, page, 'index.html'), 'utf8');
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
    expect(canonical, page).toBe(`${SITE}${BASE}${page}`);
  }
});

test('every site-relative address in the export starts with the base path', () => {
  const wrong = references.filter(({ url }) => url.startsWith('/') && !url.startsWith('//') && url !== BASE && !url.startsWith(`${BASE}/`));
  expect(wrong).toEqual([]);
  expect(references.filter(({ url }) => url.startsWith(`${BASE}/`)).length).toBeGreaterThan(10);
});

test('every absolute address of the site includes the base path', () => {
  const absolute = references.filter(({ url }) => url.startsWith(SITE));
  expect(absolute.length).toBeGreaterThan(5);
  expect(absolute.filter(({ url }) => url !== `${SITE}${BASE}` && !url.startsWith(`${SITE}${BASE}/`))).toEqual([]);
});

test('every address of the site answers 200 under the sub-path', async ({ request }) => {
  const targets = new Map<string, string>();
  for (const { file, url } of references) {
    if (url.startsWith('#') || /^(?:mailto|tel|data|javascript):/.test(url)) continue;
    const fileUrl = new URL(`${BASE}/${file}`, origin);
    let resolved: URL;
    if (url.startsWith(SITE)) resolved = new URL(url.slice(SITE.length) || '/', origin);
    else if (/^(?:https?:)?\/\//.test(url)) continue; // another site
    else resolved = new URL(url, fileUrl);
    resolved.hash = '';
    targets.set(resolved.pathname + resolved.search, file);
  }
  expect(targets.size).toBeGreaterThan(10);
  const failures: string[] = [];
  for (const [target, file] of targets) {
    const response = await request.get(`${origin}${target}`, { maxRedirects: 0 });
    if (response.status() !== 200) failures.push(`${target} (from ${file}): ${response.status()}`);
  }
  expect(failures).toEqual([]);
});

test('every page works in the browser under the sub-path: styles, fonts, links', async ({ page }) => {
  test.setTimeout(timeForPages(exportedPages(DIR).length));
  const errors = watchForErrors(page);
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  for (const pagePath of exportedPages(DIR).filter((candidate) => candidate !== '/')) {
    const response = await page.goto(`${origin}${BASE}${pagePath}`);
    expect(response?.status(), pagePath).toBe(200);
    await page.evaluate(() => document.fonts.ready);
    const styled = await page.evaluate(() => document.styleSheets.length > 0 && [...document.styleSheets].every((sheet) => sheet.cssRules.length > 0));
    expect(styled, pagePath).toBe(true);
  }
  expect(errors).toEqual([]);
  expect(requested.filter((pathname) => !pathname.startsWith(`${BASE}/`))).toEqual([]);
  expect(requested.some((pathname) => pathname.endsWith('.woff2'))).toBe(true);
});

test('a reader arriving at the sub-path root reaches the Arabic edition and can move between languages', async ({ page }) => {
  await page.goto(`${origin}${BASE}/`);
  await page.waitForURL(`${origin}${BASE}/ar/`);
  await page.getByRole('link', { name: /منظمات: خطوة غير مسبوقة/ }).first().click();
  await expect(page).toHaveURL(`${origin}${BASE}/ar/news/qatar-anti-trafficking-centre/`);
  await page.getByRole('banner').getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(`${origin}${BASE}/en/news/qatar-anti-trafficking-centre/`);
  await page.getByRole('banner').getByRole('link', { name: 'Sada front page' }).click();
  await expect(page).toHaveURL(`${origin}${BASE}/en/`);
});
