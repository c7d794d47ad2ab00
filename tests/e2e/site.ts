import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page, Request } from '@playwright/test';

export const OUT_DIR = path.resolve('out');

/** Every page of the export, as site paths (`/ar/`, `/en/news/slug/`), from the files in out/. */
export function exportedPages(dir = OUT_DIR, prefix = '/'): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) return name === '_next' ? [] : exportedPages(file, `${prefix}${name}/`);
      return name === 'index.html' ? [prefix] : [];
    });
}

export const FIRST_STORY = 'qatar-anti-trafficking-centre';

/** The seed text of the first story: headline, then one paragraph per line. */
export function seedStory(): { headline: string; paragraphs: string[] } {
  const lines = readFileSync(path.resolve('tests/fixtures/seed/qatar-anti-trafficking-centre.ar.txt'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
  return { headline: lines[0], paragraphs: lines.slice(1) };
}

/**
 * Time for a test that visits every page of an export: a fixed start plus a share per page, so
 * the test neither fails on a slow, busy machine nor hides a hang as the site grows.
 */
export function timeForPages(count: number, perPage = 2_500): number {
  return 30_000 + count * perPage;
}

/**
 * A request the browser cancelled because the test moved on to the next page (a font still
 * downloading, say) is not a fault of the site; a file that is missing or broken still shows up
 * as an HTTP error response, which is reported separately.
 */
export function wasAbandoned(request: Request): boolean {
  return request.failure()?.errorText === 'net::ERR_ABORTED';
}

/** Collects console errors, page errors and failed requests while a page is used. */
export function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    if (!wasAbandoned(request)) errors.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/does-not-exist/')) errors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return errors;
}
