import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { createGzip } from 'node:zlib';

/**
 * A small static file server for the exported site, behaving like a CDN-backed static host:
 * `/x/` serves `x/index.html`, `/x` redirects to `/x/`, unknown paths get `404.html` with
 * status 404, and the site can live under a base path. With `headers`, rules from a
 * Netlify/Cloudflare-style `_headers` file are applied, as such hosts do.
 */

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

export type HeaderRule = { pattern: string; headers: [string, string][] };

/** Parses the `_headers` format: a path pattern line, then indented `Name: value` lines. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const current = rules.at(-1);
    const colon = line.indexOf(':');
    if (current && colon > 0) current.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

export function matchesPattern(pattern: string, pathname: string): boolean {
  const expression = `^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`;
  return new RegExp(expression).test(pathname);
}

export type StaticServerOptions = {
  root: string;
  basePath?: string;
  /** Apply the rules of `<root>/_headers`. */
  headers?: boolean;
  /** Gzip text responses for clients that accept it, as CDN-backed static hosts do. */
  compress?: boolean;
};

const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.txt', '.svg', '.webmanifest']);

export type StaticHandler = (request: IncomingMessage, response: ServerResponse) => void;

export function createStaticServer(options: StaticServerOptions): Server {
  return createServer(createStaticHandler(options));
}

/**
 * Several exports on one port, each under its own base path (the browser tests serve the
 * real site at `/` and the fixture site under its sub-path): the longest matching base path
 * answers, and the site at '' answers everything else.
 */
export function createMultiSiteServer(sites: StaticServerOptions[]): Server {
  const handlers = [...sites]
    .sort((a, b) => (b.basePath ?? '').length - (a.basePath ?? '').length)
    .map((site) => ({ basePath: site.basePath ?? '', handle: createStaticHandler(site) }));
  return createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    const site = handlers.find(({ basePath }) => !basePath || pathname === basePath || pathname.startsWith(`${basePath}/`));
    if (site) site.handle(request, response);
    else response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
  });
}

export function createStaticHandler({ root, basePath = '', headers = false, compress = false }: StaticServerOptions): StaticHandler {
  const rootDir = path.resolve(root);
  const rules = headers && existsSync(path.join(rootDir, '_headers')) ? parseHeadersFile(readFileSync(path.join(rootDir, '_headers'), 'utf8')) : [];

  return (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400).end('Bad request');
      return;
    }

    const send = (status: number, file: string, sitePath: string) => {
      const extraHeaders: Record<string, string> = {};
      for (const rule of rules) {
        if (matchesPattern(rule.pattern, sitePath)) for (const [name, value] of rule.headers) extraHeaders[name] = value;
      }
      const gzip = compress && COMPRESSIBLE.has(path.extname(file).toLowerCase()) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      response.writeHead(status, {
        'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : { 'Content-Length': statSync(file).size }),
        ...extraHeaders,
      });
      if (request.method === 'HEAD') response.end();
      else if (gzip) createReadStream(file).pipe(createGzip()).pipe(response);
      else createReadStream(file).pipe(response);
    };

    const notFound = () => {
      const page = path.join(rootDir, '404.html');
      if (existsSync(page)) send(404, page, '/404.html');
      else response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    };

    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (basePath && pathname !== basePath && !pathname.startsWith(`${basePath}/`)) return notFound();
    const sitePath = pathname.slice(basePath.length) || '/';
    const file = path.join(rootDir, sitePath);
    if (!file.startsWith(rootDir)) return notFound();

    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!sitePath.endsWith('/')) {
        response.writeHead(301, { Location: `${basePath}${sitePath}/${url.search}` }).end();
        return;
      }
      const index = path.join(file, 'index.html');
      return existsSync(index) ? send(200, index, sitePath) : notFound();
    }
    if (existsSync(file)) return send(200, file, sitePath);
    return notFound();
  };
}
