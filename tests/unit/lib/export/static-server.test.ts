import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticServer } from '@/lib/export/static-server';
import type { Server } from 'node:http';

const root = mkdtempSync(path.join(tmpdir(), 'export-'));
writeFileSync(path.join(root, 'index.html'), `<!doctype html><p>${'news '.repeat(500)}</p>`);
writeFileSync(path.join(root, 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));

let server: Server;
let origin: string;

beforeAll(async () => {
  server = createStaticServer({ root, compress: true });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

async function get(pathname: string, encoding?: string) {
  const { request } = await import('node:http');
  return new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    request(`${origin}${pathname}`, { headers: encoding ? { 'Accept-Encoding': encoding } : {} }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('static server with compression', () => {
  it('gzips text for clients that accept it', async () => {
    const { headers, body } = await get('/', 'gzip, br');
    expect(headers['content-encoding']).toBe('gzip');
    expect(headers.vary).toBe('Accept-Encoding');
    expect(body.length).toBeLessThan(500);
    expect(gunzipSync(body).toString()).toContain('news news');
  });

  it('sends text as is to clients that do not', async () => {
    const { headers, body } = await get('/');
    expect(headers['content-encoding']).toBeUndefined();
    expect(Number(headers['content-length'])).toBe(body.length);
  });

  it('never recompresses fonts', async () => {
    const { headers } = await get('/font.woff2', 'gzip');
    expect(headers['content-encoding']).toBeUndefined();
  });
});
