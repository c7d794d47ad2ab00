import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeBuildId } from '@/lib/export/build-id.mjs';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'build-id-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const files = {
  'app/page.tsx': 'export default function Page() {}',
  'package-lock.json': '{}',
  'content/articles/story/ar.mdx': 'نص',
};
const env = { SITE_URL: 'https://example.org' };
const idOf = (dir: string, overrides: Partial<{ env: Record<string, string>; today: string }> = {}) =>
  computeBuildId({ projectDir: dir, contentDir: path.join(dir, 'content'), env, today: '2026-11-28', ...overrides });

describe('computeBuildId', () => {
  it('is the same for the same code, content and settings, in any folder', () => {
    expect(idOf(project(files))).toBe(idOf(project(files)));
    expect(idOf(project(files))).toMatch(/^[A-Za-z0-9_-]{20}$/);
  });

  it('changes when a story, the code or a setting changes', () => {
    const base = idOf(project(files));
    expect(idOf(project({ ...files, 'content/articles/story/ar.mdx': 'نص معدل' }))).not.toBe(base);
    expect(idOf(project({ ...files, 'app/page.tsx': 'changed' }))).not.toBe(base);
    expect(idOf(project(files), { env: { SITE_URL: 'https://example.com' } })).not.toBe(base);
    expect(idOf(project(files), { env: { ...env, BASE_PATH: '/sada' } })).not.toBe(base);
  });

  it('leaves out what the build writes while Next starts: staged images, font faces being cut, caches in the content folder', () => {
    const base = idOf(project(files));
    expect(idOf(project({ ...files, 'public/media/story/photo.jpg': 'a copy of a story image' }))).toBe(base);
    expect(idOf(project({ ...files, 'public/fonts/naskh-0123456789.woff2': 'half a face' }))).toBe(base);
    expect(idOf(project({ ...files, 'content/.mdx-cache/0123.js': 'compiled' }))).toBe(base);
    // Everything else in public/ is served, so it counts.
    expect(idOf(project({ ...files, 'public/robots-extra.txt': 'served' }))).not.toBe(base);
  });

  it('depends on the publish date (scheduled stories appear on their day), not on the clock', () => {
    const dir = project(files);
    expect(idOf(dir, { today: '2026-11-29' })).not.toBe(idOf(dir));
    expect(idOf(dir, { env: { ...env, PUBLISH_DATE: '2026-11-28' }, today: '2030-01-01' })).toBe(idOf(dir));
  });
});
