import path from 'node:path';
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
  // mdx-bundler drives esbuild at build time; both must run from node_modules, not a bundle.
  serverExternalPackages: ['mdx-bundler', 'esbuild'],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default withNextIntl(nextConfig);
