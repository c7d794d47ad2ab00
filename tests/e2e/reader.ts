import type { Page } from '@playwright/test';
import { FIRST_STORY } from './site';

/** The pages of each kind the reading-experience tests visit, per locale. */
export const readingPages = {
  ar: { front: '/ar/', story: `/ar/news/${FIRST_STORY}/` },
  en: { front: '/en/', story: `/en/news/${FIRST_STORY}/` },
} as const;

/** Words of the controls, as the catalogues write them (messages/*.json). */
export const controls = {
  ar: { settings: 'العرض', menu: 'القائمة', dark: 'داكن', light: 'فاتح', automatic: 'تلقائي', largest: 'أكبر', standard: 'عادي', otherLanguage: 'English' },
  en: { settings: 'Display', menu: 'Menu', dark: 'Dark', light: 'Light', automatic: 'Automatic', largest: 'Largest', standard: 'Standard', otherLanguage: 'العربية' },
} as const;

/** The colour the reader sees behind the text. */
export function pageBackground(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

/** Relative luminance of a CSS `rgb()` colour, 0 (black) to 1 (white). */
export function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((channel) => {
    const value = Number(channel) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Records, before any page script runs, what `<html>` carried at the moment the first
 * element of `<body>` was parsed: anything painted before then would show the wrong theme.
 */
export async function recordStateAtFirstBodyElement(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (!document.body || !document.body.firstElementChild) return;
      observer.disconnect();
      const root = document.documentElement;
      (window as unknown as { __atFirstPaint: Record<string, string | null> }).__atFirstPaint = {
        theme: root.getAttribute('data-theme'),
        textSize: root.getAttribute('data-text-size'),
        scripted: String(root.classList.contains('js')),
      };
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

export function stateAtFirstBodyElement(page: Page): Promise<Record<string, string | null>> {
  return page.evaluate(() => (window as unknown as { __atFirstPaint: Record<string, string | null> }).__atFirstPaint);
}
