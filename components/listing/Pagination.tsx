import { translator } from '@/i18n/translator';
import type { Locale } from '@/i18n/locales';
import { formatNumber } from '@/lib/format/date';
import { pageLinks } from '@/lib/listing/paginate';
import { href } from '@/lib/urls';

/**
 * Numbered navigation between the pages of a listing. The list runs in the reading
 * direction (page 1 at the inline start), "previous" sits at the start and "next" at the
 * end; the arrows are the bidi-mirrored characters ‹ and ›, so the browser turns them to
 * point the right way in Arabic without any direction-specific CSS.
 */
export function Pagination({
  locale,
  page,
  totalPages,
  pathFor,
}: {
  locale: Locale;
  page: number;
  totalPages: number;
  pathFor: (page: number) => string;
}) {
  if (totalPages <= 1) return null;
  const t = translator(locale, 'Pagination');
  return (
    <nav aria-label={t('label')} className="pagination">
      <ul>
        {page > 1 && (
          <li className="pagination-step">
            <a href={href(pathFor(page - 1))} rel="prev">
              <span aria-hidden="true">‹ </span>
              {t('previous')}
            </a>
          </li>
        )}
        {pageLinks(page, totalPages).map((link) =>
          link.kind === 'gap' ? (
            <li key={link.key} className="pagination-gap">
              <span aria-hidden="true">…</span>
              <span className="sr-only">{t('gap')}</span>
            </li>
          ) : (
            <li key={link.page}>
              <a
                href={href(pathFor(link.page))}
                aria-current={link.page === page ? 'page' : undefined}
                aria-label={t('page', { n: formatNumber(link.page, locale) })}
              >
                {formatNumber(link.page, locale)}
              </a>
            </li>
          ),
        )}
        {page < totalPages && (
          <li className="pagination-step">
            <a href={href(pathFor(page + 1))} rel="next">
              {t('next')}
              <span aria-hidden="true"> ›</span>
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
