import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { SiteHead } from '@/components/layout/SiteHead';
import { directionOf, isLocale, locales } from '@/i18n/locales';
import { siteName, siteUrl } from '@/lib/config';

export const dynamicParams = false;

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  return {
    metadataBase: new URL(siteUrl),
    title: { default: siteName[locale], template: `%s | ${siteName[locale]}` },
    applicationName: siteName[locale],
  };
}

export default async function LocaleLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <head>
        <SiteHead preloadFontsFor={locale} />
      </head>
      <body>{children}</body>
    </html>
  );
}
