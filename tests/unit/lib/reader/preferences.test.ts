import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultTextSize, headScript, storageKeys, textSizes, themes } from '@/lib/reader/preferences';

const siteScript = readFileSync(path.resolve('public/scripts/site.js'), 'utf8');

/** Runs the inline head script against a minimal document element and storage. */
function runHeadScript(stored: Record<string, string>, { storageThrows = false } = {}) {
  const attributes = new Map<string, string>();
  const classes = new Set<string>();
  const documentElement = {
    classList: { add: (name: string) => classes.add(name) },
    setAttribute: (name: string, value: string) => attributes.set(name, value),
  };
  const localStorage = {
    getItem: (key: string) => {
      if (storageThrows) throw new Error('SecurityError');
      return stored[key] ?? null;
    },
  };
  new Function('document', 'localStorage', headScript)({ documentElement }, localStorage);
  return { attributes, classes };
}

describe('the inline head script', () => {

  it('applies a stored theme and text size before the first paint', () => {
    const { attributes, classes } = runHeadScript({ [storageKeys.theme]: 'dark', [storageKeys.textSize]: 'xl' });
    expect(attributes.get('data-theme')).toBe('dark');
    expect(attributes.get('data-text-size')).toBe('xl');
    expect(classes.has('js')).toBe(true);
  });

  it('ignores values it does not know and leaves the defaults to the stylesheet', () => {
    const { attributes } = runHeadScript({ [storageKeys.theme]: 'purple', [storageKeys.textSize]: 'md' });
    expect(attributes.size).toBe(0);
  });

  it('still marks the page as scripted when storage is unavailable', () => {
    const { attributes, classes } = runHeadScript({}, { storageThrows: true });
    expect(attributes.size).toBe(0);
    expect(classes.has('js')).toBe(true);
  });

  it('stays tiny', () => {
    expect(headScript.length).toBeLessThan(400);
  });
});

describe('public/scripts/site.js', () => {
  it('stores choices under the keys the head script reads', () => {
    expect(siteScript).toContain(`theme: '${storageKeys.theme}'`);
    expect(siteScript).toContain(`textSize: '${storageKeys.textSize}'`);
  });

  it('knows the same defaults', () => {
    expect(siteScript).toContain(`DEFAULTS = { theme: '${themes[0]}', textSize: '${defaultTextSize}' }`);
    expect(textSizes.length).toBeGreaterThanOrEqual(3);
  });
});
