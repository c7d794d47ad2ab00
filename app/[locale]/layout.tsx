import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ContentProblems } from '@/components/layout/ContentProblems';
import { SiteHead } from '@/components/layout/SiteHead';
import { directionOf, isLocale, locales } from '@/i18n/locales';
import { contentProblems } from '@/lib/content/load';
import { editionMetadata } from '@/lib/metadata';

export const dynamicParams = false;

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? editionMetadata(locale) : {};
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
  // While editing, invalid content replaces every page with the list of problems.
  const problems = process.env.NODE_ENV === 'development' ? contentProblems() : [];
  const blocked = problems.some((problem) => problem.severity === 'error');
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <head>
        <SiteHead preloadFontsFor={locale} />
      </head>
      <body>
        {blocked ? (
          <main id="main" className="mx-auto max-w-3xl px-4 py-8">
            <ContentProblems locale={locale} problems={problems} />
          </main>
        ) : (
          children
        )}
      </body>
    </html>
  );
}
