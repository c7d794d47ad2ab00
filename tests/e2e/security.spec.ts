import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { FIXTURE_BASE_PATH } from '../fixtures/fixture-site';
import { exportedPages, OUT_DIR, timeForPages, watchForErrors } from './site';

/**
 * The export served as a static host serves it, with out/_headers applied (playwright.config.ts
 * starts the server with --headers): every page must load with zero Content-Security-Policy
 * violations, still work, and load nothing from another origin.
 */

const pages = exportedPages();

type Violation = { directive: string; blocked: string; sample: string; policy: string };

/** Records CSP violations (events and the console errors Chromium prints for them). */
async function watchCsp(page: Page): Promise<{ violations: () => Promise<Violation[]>; console: string[] }> {
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const store: { directive: string; blocked: string; sample: string; policy: string }[] = [];
    (window as unknown as { __cspViolations: typeof store }).__cspViolations = store;
    document.addEventListener('securitypolicyviolation', (event) => {
      store.push({ directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample, policy: event.originalPolicy });
    });
  });
  return {
    console,
    violations: () => page.evaluate(() => (window as unknown as { __cspViolations: Violation[] }).__cspViolations),
  };
}

/** What a reader needs from every page: the document, its stylesheet and its fonts. */
async function expectPageWorks(page: Page, pagePath: string) {
  await expect(page.locator('h1').first(), pagePath).toBeVisible();
  const styled = await page.evaluate(() =>
    [...document.styleSheets].every((sheet) => sheet.cssRules.length > 0) && document.styleSheets.length > 0,
  );
  expect(styled, `${pagePath}: stylesheet applied`).toBe(true);
  await page.evaluate(() => document.fonts.ready);
  // Only the site's own font files: the metric-matched fallbacks ("… Fallback …") name local fonts
  // with local(), used while a web font is on its way; where that local font is not installed
  // (Times New Roman on Linux) the browser marks the face as failed, and rightly falls through.
  const fonts = await page.evaluate(() =>
    [...document.fonts].filter((face) => face.status === 'error' && !/ Fallback /.test(face.family)).map((face) => face.family),
  );
  expect(fonts, `${pagePath}: the site's fonts that failed to load`).toEqual([]);
}

test.describe('Content-Security-Policy', () => {
  test('every page loads with zero violations and keeps working', async ({ page }) => {
    test.setTimeout(timeForPages(pages.length));
    const csp = await watchCsp(page);
    const errors = watchForErrors(page);
    for (const pagePath of pages.filter((candidate) => candidate !== '/')) {
      const response = await page.goto(pagePath);
      expect(response?.status(), pagePath).toBe(200);
      await page.waitForLoadState('load');
      await expectPageWorks(page, pagePath);
      expect(await csp.violations(), pagePath).toEqual([]);
    }
    // `/` sends the reader on at once; it is checked without following the refresh.
    await page.goto('/404.html');
    expect(await csp.violations()).toEqual([]);
    expect(csp.console).toEqual([]);
    expect(errors).toEqual([]);
  });

  test("each page's policy names exactly the hashes of the inline scripts it carries", async ({ page }) => {
    test.setTimeout(timeForPages(pages.length));
    for (const pagePath of pages) {
      const html = readFileSync(path.join(OUT_DIR, pagePath, 'index.html'), 'utf8');
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
      expect(policy, pagePath).toMatch(/^default-src 'self'; script-src 'self'/);
      expect(policy).toContain("object-src 'none'; base-uri 'self'; form-action 'self'");
      expect(policy).not.toContain('unsafe-inline');
      await page.goto(pagePath === '/' ? '/404.html' : pagePath);
      const inline = await page.evaluate(() =>
        [...document.querySelectorAll('script:not([src])')]
          .filter((script) => !(script as HTMLScriptElement).type || /javascript|module/.test((script as HTMLScriptElement).type))
          .map((script) => script.textContent ?? ''),
      );
      if (pagePath === '/') continue;
      const hashes = inline.map((text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`);
      const listed = policy?.match(/'sha256-[^']+'/g) ?? [];
      expect([...new Set(listed)].sort(), pagePath).toEqual([...new Set(hashes)].sort());
    }
  });

  test('pages the post-export renderer wrote carry their own policy and load without violations', async ({ page }) => {
    // The listings site (out-listings/, served under its own path): all but one story and one
    // listing page of each kind and language were written by the renderer, policy included.
    const listingPages = exportedPages('out-listings').filter((pagePath) => /\/(news|sections|tags)\//.test(pagePath));
    expect(listingPages.length).toBeGreaterThan(40);
    test.setTimeout(timeForPages(listingPages.length));
    const csp = await watchCsp(page);
    for (const pagePath of listingPages) {
      const html = readFileSync(path.join('out-listings', pagePath, 'index.html'), 'utf8');
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
      expect(policy, pagePath).toMatch(/^default-src 'self'; script-src 'self'/);
      const response = await page.goto(`${FIXTURE_BASE_PATH}${pagePath}`);
      expect(response?.status(), pagePath).toBe(200);
      const inline = await page.evaluate(() =>
        [...document.querySelectorAll('script:not([src])')]
          .filter((script) => !(script as HTMLScriptElement).type || /javascript|module/.test((script as HTMLScriptElement).type))
          .map((script) => script.textContent ?? ''),
      );
      const hashes = inline.map((text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`);
      expect([...new Set(policy?.match(/'sha256-[^']+'/g) ?? [])].sort(), pagePath).toEqual([...new Set(hashes)].sort());
      expect(await csp.violations(), pagePath).toEqual([]);
    }
    expect(csp.console).toEqual([]);
  });

  test('an inline script that was not in the export is blocked and reported', async ({ page }) => {
    // The check above can only pass for the right reason if an unlisted script really is stopped.
    await page.route('**/en/', async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace('</body>', '<script>document.title="injected"</script></body>');
      await route.fulfill({ response, body });
    });
    const csp = await watchCsp(page);
    await page.goto('/en/');
    await expect(page).not.toHaveTitle('injected');
    // Both the page's own policy (meta) and the site-wide header policy refuse it.
    await expect.poll(async () => (await csp.violations()).length).toBeGreaterThan(0);
    const violations = await csp.violations();
    for (const violation of violations) expect(violation).toMatchObject({ directive: 'script-src-elem', blocked: 'inline' });
    expect(violations.some((violation) => !violation.policy.includes('frame-ancestors')), 'the meta policy reported it').toBe(true);
  });

  test('no other site can frame a page', async ({ page, baseURL }) => {
    const refused: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes("frame-ancestors 'none'")) refused.push(message.text());
    });
    // A document from another origin (about:blank) that tries to show the front page in a frame.
    await page.setContent(`<iframe src="${baseURL}/en/"></iframe>`);
    await expect.poll(() => refused.length).toBeGreaterThan(0);
    expect(page.frames().map((frame) => frame.url())).not.toContain(`${baseURL}/en/`);
  });
});

test.describe('headers from out/_headers', () => {
  test('pages carry the security headers and short caching', async ({ request }) => {
    const response = await request.get('/ar/');
    const headers = response.headers();
    expect(headers['strict-transport-security']).toMatch(/^max-age=\d{8}; includeSubDomains$/);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy']).toContain('geolocation=()');
    expect(headers['content-security-policy']).toMatch(/^default-src 'self'; .*; frame-ancestors 'none'$/);
    expect(headers['cache-control']).toBe('public, max-age=60, must-revalidate');
  });

  test('hashed build assets are cached for a year as immutable', async ({ page, request }) => {
    await page.goto('/ar/');
    const stylesheet = await page.locator('link[rel="stylesheet"]').first().getAttribute('href');
    expect(stylesheet).toMatch(/^\/_next\/static\//);
    const response = await request.get(stylesheet ?? '');
    expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
    // The subset fonts are named by their content too.
    const font = await page.locator('link[rel="preload"][as="font"]').first().getAttribute('href');
    expect(font).toMatch(/^\/fonts\/[a-z]+-[0-9a-f]{10}\.woff2$/);
    expect((await request.get(font ?? '')).headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  });
});

test.describe('third parties', () => {
  test('no page loads anything from another origin', async ({ page, baseURL }) => {
    test.setTimeout(timeForPages(pages.length));
    const origin = new URL(baseURL ?? '').origin;
    const foreign: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol !== 'data:' && url.origin !== origin) foreign.push(`${page.url()} -> ${request.url()}`);
    });
    for (const pagePath of pages.filter((candidate) => candidate !== '/')) {
      await page.goto(pagePath);
      await page.waitForLoadState('load');
      await page.evaluate(() => document.fonts.ready);
    }
    expect(foreign).toEqual([]);
  });

  test('links that leave the site give the other site neither a window handle nor the referrer', async ({ page, baseURL }) => {
    test.setTimeout(timeForPages(pages.length));
    const origin = new URL(baseURL ?? '').origin;
    for (const pagePath of pages.filter((candidate) => candidate !== '/')) {
      await page.goto(pagePath);
      const external = await page.evaluate(
        (own) =>
          [...document.querySelectorAll<HTMLAnchorElement>('a[href]')]
            .filter((link) => /^https?:$/.test(link.protocol) && link.origin !== own)
            .map((link) => ({ href: link.href, rel: link.rel.split(/\s+/) })),
        origin,
      );
      for (const link of external) expect(link.rel, `${pagePath} ${link.href}`).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
    }
  });
});
