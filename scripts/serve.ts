/**
 * Serves the exported site from out/ like a static host would.
 *   tsx scripts/serve.ts [--port 3000] [--dir out] [--headers] [--gzip] [--mount /sub-path=other-dir]...
 * BASE_PATH serves it under a sub-path, as on a project site. Each --mount serves another
 * export under its own base path on the same port (the browser tests use it for the
 * fixture sites). --gzip compresses text responses, as CDN-backed hosts do.
 */
import { parseArgs } from 'node:util';
import { normaliseBasePath } from '@/lib/config';
import { createMultiSiteServer, type StaticServerOptions } from '@/lib/export/static-server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    dir: { type: 'string', default: 'out' },
    headers: { type: 'boolean', default: false },
    mount: { type: 'string', multiple: true, default: [] },
    gzip: { type: 'boolean', default: false },
  },
});

const basePath = normaliseBasePath(process.env.BASE_PATH ?? '');
const port = Number(values.port);
const sites: StaticServerOptions[] = [{ root: values.dir, basePath, headers: values.headers, compress: values.gzip }];
for (const mount of values.mount) {
  const [prefix, dir] = mount.split('=');
  if (!prefix || !dir || !normaliseBasePath(prefix)) {
    console.error(`serve: --mount expects /sub-path=directory, found "${mount}"`);
    process.exit(1);
  }
  sites.push({ root: dir, basePath: normaliseBasePath(prefix), headers: values.headers, compress: values.gzip });
}
createMultiSiteServer(sites).listen(port, '127.0.0.1', () => {
  for (const site of sites) console.log(`Serving ${site.root}/ at http://localhost:${port}${site.basePath}/`);
  console.log('(Ctrl+C to stop)');
});
