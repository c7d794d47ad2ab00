import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeSources } from '@/lib/export/csp';
import { finalizePage, postExport } from '@/lib/export/postexport';

/** A miniature of what `next build` leaves in out/. */
function exportTree(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'out-'));
  const files: Record<string, string> = {
    'index.html': '<!DOCTYPE html><html><head><meta charSet="utf-8"/><title>t</title></head><body><a href="/ar/">ar</a></body></html>',
    'ar/index.html':
      '<!DOCTYPE html><html lang="ar"><head><meta charSet="utf-8"/><script src="/_next/static/chunks/a.js" async=""></script></head>' +
      '<body><p>نص</p><script data-site-script="">document.body.dataset.js=""</script><script>self.__next_f.push([1,"x"])</script></body></html>',
    'ar/index.txt': 'payload',
    'ar/__next.ar.txt': 'segment',
    '_not-found/index.html': 'duplicate',
    '_next/static/chunks/a.js': 'runtime',
    '_next/static/chunks/a.css': 'p{}',
    '_next/static/BUILDID/_buildManifest.js': 'manifest',
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('postExport', () => {
  const dir = exportTree();
  const report = postExport(dir);

  it('removes payloads, framework chunks, duplicates and the folders they leave empty', () => {
    expect(report.problems).toEqual([]);
    for (const gone of ['ar/index.txt', 'ar/__next.ar.txt', '_not-found', '_next/static/chunks/a.js', '_next/static/BUILDID']) {
      expect(existsSync(path.join(dir, gone)), gone).toBe(false);
    }
    expect(readFileSync(path.join(dir, '_next/static/chunks/a.css'), 'utf8')).toBe('p{}');
  });

  it("gives every page a policy naming its own inline scripts' hashes", () => {
    const arabic = readFileSync(path.join(dir, 'ar/index.html'), 'utf8');
    expect(arabic).not.toContain('__next_f');
    expect(arabic).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'sha256-[^']+'; /);
    const root = readFileSync(path.join(dir, 'index.html'), 'utf8');
    expect(root).toContain("script-src 'self'; style-src");
    expect(report).toMatchObject({ pages: 2, inlineScripts: 1 });
  });

  it('writes the header file with a rule for each top-level entry', () => {
    const headers = readFileSync(path.join(dir, '_headers'), 'utf8');
    for (const pattern of ['/*', '/', '/ar/*', '/index.html', '/_next/static/*']) expect(headers.split('\n')).toContain(pattern);
  });

  it('reports a page that still carries the runtime', () => {
    const broken = exportTree();
    writeFileSync(path.join(broken, 'en.html'), '<html><head><meta charSet="utf-8"/></head><body><script id="_R_">TURBOPACK</script></body></html>');
    // The unmarked script is stripped; a marked one that still bootstraps the runtime is reported.
    writeFileSync(path.join(broken, 'fr.html'), '<html><head></head><body><script data-site-script="">self.__next_f=[]</script></body></html>');
    expect(postExport(broken).problems).toEqual(['fr.html: inline RSC payload (self.__next_f)']);
  });

  it('leaves the pages the renderer wrote static alone, counting them and their hashes, with the same result', () => {
    const whole = exportTree();
    const split = exportTree();
    const expected = postExport(whole);
    // The renderer finishes ar/index.html as it writes it, and says so.
    const file = path.join(split, 'ar/index.html');
    const page = finalizePage(readFileSync(file, 'utf8'));
    // With a script the pass would strip, were it to read the page again.
    const marker = '<script>self.__next_f.push([0])</script>';
    writeFileSync(file, `${page.html}${marker}`);
    const report = postExport(split, {
      files: [file],
      sources: mergeSources([page.sources]),
      removedScripts: page.removedScripts,
      inlineScripts: page.sources.scriptHashes.length,
      problems: page.leftovers.map((leftover) => `ar/index.html: ${leftover}`),
    });
    expect(readFileSync(file, 'utf8')).toBe(`${readFileSync(path.join(whole, 'ar/index.html'), 'utf8')}${marker}`);
    expect({ ...report, ms: 0 }).toEqual({ ...expected, ms: 0 });
    expect(readFileSync(path.join(split, '_headers'), 'utf8')).toBe(readFileSync(path.join(whole, '_headers'), 'utf8'));
  });
});
