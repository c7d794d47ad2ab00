import { createHash } from 'node:crypto';
import { PAGEFIND_DIR, SEARCH_SCRIPT } from '@/lib/search/paths';

/**
 * Content-Security-Policy for exported pages. Each page gets a `<meta http-equiv>` policy
 * that allows only our own origin and the exact hashes of the inline scripts and styles the
 * page carries, computed from the finished HTML, so the policy stays right as content changes.
 * The same directives (with every page's hashes and `frame-ancestors`, which a meta policy
 * cannot carry) go into the site-wide header file.
 */

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const STYLE_ELEMENT = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;
const STYLE_ATTRIBUTE = /<[a-z][^>]*?\sstyle="([^"]*)"/gi;
const CSP_META = /<meta http-equiv="Content-Security-Policy"[^>]*>/gi;
/**
 * Pages that load WebAssembly (the search page, through our search script or Pagefind's own
 * bundle) need 'wasm-unsafe-eval', and only they.
 */
const WASM_USER = new RegExp(`/${PAGEFIND_DIR}/|${SEARCH_SCRIPT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`);

/** Script types a browser executes; anything else (JSON-LD, templates) is data that CSP ignores. */
const EXECUTABLE_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module', 'text/ecmascript']);

export type PageSources = {
  /** `'sha256-...'` of every inline script the page executes. */
  scriptHashes: string[];
  /** `'sha256-...'` of every inline `<style>` element. */
  styleHashes: string[];
  /** `'sha256-...'` of every `style=""` attribute (allowed with 'unsafe-hashes'). */
  styleAttributeHashes: string[];
  wasm: boolean;
};

export function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attributes);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

const unique = (values: string[]) => [...new Set(values)].sort();

/** What a page needs allowed beyond 'self': hashes of its inline code, and WebAssembly. */
export function pageSources(html: string): PageSources {
  const scriptHashes: string[] = [];
  let wasm = WASM_USER.test(html);
  for (const [, attributes, body] of html.matchAll(SCRIPT)) {
    const type = (attribute(attributes, 'type') ?? '').trim().toLowerCase();
    if (!EXECUTABLE_TYPES.has(type)) continue;
    if (attribute(attributes, 'src') !== undefined) continue;
    scriptHashes.push(sha256Source(body));
    if (WASM_USER.test(body)) wasm = true;
  }
  const styleHashes = [...html.matchAll(STYLE_ELEMENT)].map((match) => sha256Source(match[1]));
  const styleAttributeHashes = [...html.matchAll(STYLE_ATTRIBUTE)].map((match) => sha256Source(decodeEntities(match[1])));
  return { scriptHashes: unique(scriptHashes), styleHashes: unique(styleHashes), styleAttributeHashes: unique(styleAttributeHashes), wasm };
}

/** A browser hashes an attribute's value after decoding character references. */
function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Merges the needs of many pages (for the site-wide header). */
export function mergeSources(all: PageSources[]): PageSources {
  return {
    scriptHashes: unique(all.flatMap((sources) => sources.scriptHashes)),
    styleHashes: unique(all.flatMap((sources) => sources.styleHashes)),
    styleAttributeHashes: unique(all.flatMap((sources) => sources.styleAttributeHashes)),
    wasm: all.some((sources) => sources.wasm),
  };
}

/**
 * The policy: our own origin only, no plugins, no `<base>` hijacking, forms post only to us.
 * `frameAncestors` is for the HTTP header; browsers ignore it in a meta element.
 */
export function contentSecurityPolicy(sources: PageSources, { frameAncestors = false } = {}): string {
  const styleExtras = [...sources.styleHashes, ...sources.styleAttributeHashes];
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", ...(sources.wasm ? ["'wasm-unsafe-eval'"] : []), ...sources.scriptHashes]],
    ['style-src', ["'self'", ...(sources.styleAttributeHashes.length > 0 ? ["'unsafe-hashes'"] : []), ...styleExtras]],
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
    ...(frameAncestors ? ([['frame-ancestors', ["'none'"]]] as [string, string[]][]) : []),
  ];
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}

/**
 * Puts the page's policy first in its `<head>` (right after the charset declaration), so it
 * governs every element after it. Running twice replaces the earlier policy.
 */
export function injectCsp(html: string): { html: string; sources: PageSources } {
  const withoutOld = html.replace(CSP_META, '');
  const sources = pageSources(withoutOld);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(sources)}"/>`;
  const charset = /<meta charSet="utf-8"\s*\/?>/i.exec(withoutOld);
  if (charset) {
    const at = charset.index + charset[0].length;
    return { html: `${withoutOld.slice(0, at)}${meta}${withoutOld.slice(at)}`, sources };
  }
  const head = /<head\b[^>]*>/i.exec(withoutOld);
  if (!head) throw new Error('the page has no <head> to carry its Content-Security-Policy');
  const at = head.index + head[0].length;
  return { html: `${withoutOld.slice(0, at)}${meta}${withoutOld.slice(at)}`, sources };
}
