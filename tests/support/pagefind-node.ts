import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Runs a built Pagefind bundle (pagefind.js, its WebAssembly and index files) inside Node:
 * `file:` URLs are answered from disk through a fetch wrapper, and the page's `<html lang>`
 * (which Pagefind reads to pick its index) is faked.
 */

type ResultData = { url: string; excerpt: string; meta: Record<string, string> };
export type PagefindApi = {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<ResultData> }[] } | null>;
};

let installed = false;
let currentLang = 'unknown';
let instance = 0;

function install() {
  if (installed) return;
  installed = true;
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith('file:')) return realFetch(input, init);
    try {
      return new Response(await readFile(fileURLToPath(url.split('?')[0])), { status: 200 });
    } catch {
      return new Response('not found', { status: 404 });
    }
  }) as typeof fetch;
  (globalThis as Record<string, unknown>).document = {
    currentScript: null,
    querySelector: (selector: string) => (selector === 'html' ? { getAttribute: (name: string) => (name === 'lang' ? currentLang : null) } : null),
  };
}

/** A fresh Pagefind API over `bundleDir` as a search page in `lang` would get it. */
export async function loadPagefind(bundleDir: string, lang: string): Promise<PagefindApi> {
  install();
  currentLang = lang;
  const api = (await import(`${pathToFileURL(path.join(bundleDir, 'pagefind.js')).href}?instance=${instance++}`)) as PagefindApi;
  await api.options({ basePath: `${pathToFileURL(bundleDir).href}/`, baseUrl: '/' });
  await api.init();
  return api;
}

export async function searchUrls(api: PagefindApi, query: string): Promise<string[]> {
  const response = await api.search(query);
  if (!response) return [];
  return (await Promise.all(response.results.map((result) => result.data()))).map((data) => data.url).sort();
}
