/**
 * Serves the exported site from out/ like a static host would.
 *   tsx scripts/serve.ts [--port 3000] [--dir out] [--headers] [--gzip]
 * BASE_PATH serves it under a sub-path, as on a project site.
 */
import { parseArgs } from 'node:util';
import { normaliseBasePath } from '@/lib/config';
import { createStaticServer } from '@/lib/export/static-server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    dir: { type: 'string', default: 'out' },
    headers: { type: 'boolean', default: false },
    gzip: { type: 'boolean', default: false },
  },
});

const basePath = normaliseBasePath(process.env.BASE_PATH ?? '');
const port = Number(values.port);
createStaticServer({ root: values.dir, basePath, headers: values.headers, compress: values.gzip }).listen(port, '127.0.0.1', () => {
  console.log(`Serving ${values.dir}/ at http://localhost:${port}${basePath}/ (Ctrl+C to stop)`);
});
