import path from 'node:path';
import { PHASE_DEVELOPMENT_SERVER } from 'next/constants.js';
import createNextIntlPlugin from 'next-intl/plugin';
import { computeBuildId } from './lib/export/build-id.mjs';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

const basePath = (process.env.BASE_PATH ?? '').trim().replace(/^\/+|\/+$/g, '');
const projectDir = import.meta.dirname;
const contentDir = process.env.CONTENT_DIR ? path.resolve(process.env.CONTENT_DIR) : path.join(projectDir, 'content');

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'export',
  // With `output: 'export'`, a distDir other than .next names the export folder (default out/).
  ...(process.env.OUT_DIR ? { distDir: process.env.OUT_DIR } : {}),
  trailingSlash: true,
  images: { unoptimized: true },
  basePath: basePath ? `/${basePath}` : undefined,
  // Same code, content and settings give the same id: two builds of a commit are byte-identical.
  generateBuildId: () => computeBuildId({ projectDir, contentDir }),
  // Build-time libraries run from node_modules instead of being bundled into every server
  // chunk: mdx-bundler drives esbuild, which must; the MDX toolchain, the YAML and schema
  // parsers and the image and font libraries need no bundling, and bundling them was about
  // 40% of Turbopack's work (\`next build\` at 1,000 stories: 28.8 s to 15.2 s, docs/performance.md).
  serverExternalPackages: [
    'mdx-bundler',
    'esbuild',
    '@mdx-js/mdx',
    'remark-gfm',
    'remark-mdx',
    'remark-parse',
    'rehype-slug',
    'unified',
    'mdast-util-to-string',
    'yaml',
    'zod',
    'htmlparser2',
    'image-size',
    'sharp',
    'subset-font',
    'harfbuzzjs',
    'fontverter',
    'fontkit',
  ],
  // Type errors are caught by `npm run typecheck` (part of `npm test` and CI), not on every build:
  // checking inside `next build` costs 15-60 s per build on two cores (docs/decisions/006-type-check-outside-the-build.md).
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  // The build's server bundles have no source maps (turbopackSourceMaps below), so Next's
  // rendering worker would only read those of the libraries it loads: about 0.2 s of every
  // build's page-data step, for stack traces that never reach our own code.
  enablePrerenderSourceMaps: false,
  reactStrictMode: true,
  experimental: {
    // One page-rendering worker. Next renders only the listings and one story page per language
    // (the other story pages are rendered after the export, one process per core), and a second
    // worker saved about 3 s at 1,000 stories for 260 MB more at the build's peak, which it
    // would lift over the 1.5 GB budget (docs/performance.md). BUILD_WORKERS raises it.
    cpus: Number(process.env.BUILD_WORKERS) || 1,
    // Published pages have no client router (scripts/postexport.ts), so Next's prefetch-size
    // measurements (a gzip of every page's payload) would be thrown away.
    prefetchInlining: false,
  },
};

export default function config(phase) {
  if (phase === PHASE_DEVELOPMENT_SERVER) return withNextIntl(nextConfig);
  // A build's server bundles only ever run during the build, so their source maps serve no
  // one (`next dev` keeps them, for stack traces while editing); writing them took about 3 s
  // of a 1,000-story build (docs/performance.md).
  return withNextIntl({ ...nextConfig, experimental: { ...nextConfig.experimental, turbopackSourceMaps: false } });
}
