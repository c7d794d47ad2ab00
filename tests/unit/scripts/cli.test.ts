import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// Each test starts the commands as an editor would, in their own processes.
vi.setConfig({ testTimeout: 90_000 });

const root = process.cwd();
const tsx = path.join(root, 'node_modules/.bin/tsx');

function run(script: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(tsx, [path.join(root, 'scripts', script), ...args], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function emptyContent() {
  const dir = mkdtempSync(path.join(tmpdir(), 'content-'));
  mkdirSync(path.join(dir, 'articles'));
  return dir;
}

describe('npm run check', () => {
  it('passes the real content and exits 0', () => {
    const result = run('check.ts', []);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^check: no problems; 1 story \(2 language versions\) checked in \d+ ms\.\n$/);
    expect(result.status).toBe(0);
  });

  it('prints every problem of a broken tree, one line each, and exits 1', () => {
    const result = run('check.ts', [], { CONTENT_DIR: 'tests/fixtures/content/broken', PUBLISH_DATE: '2026-11-25' });
    expect(result.status).toBe(1);
    const lines = result.stderr.split('\n').filter((line) => line.startsWith('tests/'));
    expect(lines).toHaveLength(48);
    expect(lines).toContain(
      'tests/fixtures/content/broken/articles/syntax-error/ar.mdx:15:1  <EditorNote> is opened here but never closed (add </EditorNote> after its content, or end the tag with /> when it has none)',
    );
    expect(result.stderr).toContain('check: 47 errors and 1 warning in 18 stories (19 language versions)');
  });

  it('--fix-translation-hash marks a reviewed translation, and the warning goes away', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'content-'));
    cpSync(path.join(root, 'tests/fixtures/content/broken/articles/stale-translation'), path.join(dir, 'articles/stale-translation'), { recursive: true });
    const before = run('check.ts', [], { CONTENT_DIR: dir });
    expect(before.status).toBe(0);
    expect(before.stderr).toContain('warning: stale translation');
    const fixed = run('check.ts', ['--fix-translation-hash', 'stale-translation'], { CONTENT_DIR: dir });
    expect(fixed.status).toBe(0);
    expect(fixed.stdout).toContain('is now marked as reviewed against');
    expect(readFileSync(path.join(dir, 'articles/stale-translation/en.mdx'), 'utf8')).toMatch(/\noriginalHash: "[0-9a-f]{12}"\n/);
    const after = run('check.ts', [], { CONTENT_DIR: dir });
    expect(after.stderr).toBe('');
    expect(after.stdout).toContain('check: no problems');
  });
});

describe('npm run new', () => {
  it('creates both language versions as drafts that pass the checker, and says what to do next', () => {
    const dir = emptyContent();
    const result = run('new.ts', ['doha-book-fair'], { CONTENT_DIR: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('as a draft');
    expect(result.stdout).toContain('npm run dev, then open http://localhost:3000/ar/news/doha-book-fair/');
    expect(result.stdout).toContain('npm run check');
    const arabic = readFileSync(path.join(dir, 'articles/doha-book-fair/ar.mdx'), 'utf8');
    const english = readFileSync(path.join(dir, 'articles/doha-book-fair/en.mdx'), 'utf8');
    const today = new Date();
    const date = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    for (const text of [arabic, english]) {
      for (const field of ['title:', 'summary:', `date: ${date}`, 'section:', 'tags:', 'location:', 'author:', 'source:', '  name:', 'draft: true']) {
        expect(text).toContain(`\n${field}`);
      }
    }
    expect(arabic).toContain('[[العنوان]]');
    expect(english).toContain('translatedFrom: ar');

    const check = run('check.ts', [], { CONTENT_DIR: dir });
    expect(check.status).toBe(0);
    expect(check.stderr).not.toMatch(/^[^\n]*:\d+:\d+ {2}(?!warning)/m);
  });

  it('--lang en creates only the English version', () => {
    const dir = emptyContent();
    expect(run('new.ts', ['one-language', '--lang', 'en'], { CONTENT_DIR: dir }).status).toBe(0);
    expect(existsSync(path.join(dir, 'articles/one-language/en.mdx'))).toBe(true);
    expect(existsSync(path.join(dir, 'articles/one-language/ar.mdx'))).toBe(false);
    expect(readFileSync(path.join(dir, 'articles/one-language/en.mdx'), 'utf8')).not.toContain('translatedFrom');
  });

  it('refuses an invalid slug with a suggestion, an existing one, and an unknown language', () => {
    const dir = emptyContent();
    const invalid = run('new.ts', ['Doha Book Fair'], { CONTENT_DIR: dir });
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toContain('"Doha Book Fair" is not a valid story address');
    expect(invalid.stderr).toContain('npm run new -- doha-book-fair');

    expect(run('new.ts', ['taken'], { CONTENT_DIR: dir }).status).toBe(0);
    const existing = run('new.ts', ['taken'], { CONTENT_DIR: dir });
    expect(existing.status).toBe(1);
    expect(existing.stderr).toContain('a story with the address "taken" already exists');

    const language = run('new.ts', ['other', '--lang', 'fr'], { CONTENT_DIR: dir });
    expect(language.status).toBe(1);
    expect(language.stderr).toContain('--lang must be one of ar, en, both, found "fr"');
    expect(existsSync(path.join(dir, 'articles/other'))).toBe(false);
  });
});
