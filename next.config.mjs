import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

const basePath = (process.env.BASE_PATH ?? '').trim().replace(/^\/+|\/+$/g, '');
// With output: 'export', a distDir other than .next names the export folder (default out/).
const exportDir = (process.env.EXPORT_DIR ?? '').trim();

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'export',
  trailingSlash: true,
  images: { unoptimized: true },
  basePath: basePath ? `/${basePath}` : undefined,
  ...(exportDir ? { distDir: exportDir } : {}),
  // mdx-bundler drives esbuild at build time; both must run from node_modules, not a bundle.
  serverExternalPackages: ['mdx-bundler', 'esbuild'],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default withNextIntl(nextConfig);
