import { translator } from '@/i18n/translator';
import type { Locale } from '@/i18n/locales';
import { breadcrumbJsonLd, type Crumb } from '@/lib/seo/json-ld';
import { href } from '@/lib/urls';
import { JsonLd } from '../seo/JsonLd';

/**
 * Where the page sits in the site, from the front page down: a list of links ending with the
 * current page (marked `aria-current`, as in the WAI-ARIA breadcrumb pattern), mirrored as BreadcrumbList structured data. The separator is
 * drawn by CSS, so it follows the reading direction.
 */
export function Breadcrumbs({ locale, trail }: { locale: Locale; trail: Crumb[] }) {
  const t = translator(locale, 'Breadcrumbs');
  return (
    <>
      <nav aria-label={t('label')} className="breadcrumbs">
        <ol>
          {trail.map((crumb, index) => (
            <li key={crumb.path}>
              <a href={href(crumb.path)} aria-current={index === trail.length - 1 ? 'page' : undefined}>
                {crumb.name}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <JsonLd data={breadcrumbJsonLd(trail)} />
    </>
  );
}
