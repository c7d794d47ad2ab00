import { translator } from '@/i18n/translator';
import type { Locale } from '@/i18n/locales';
import { formatProblem, type Problem } from '@/lib/content/problems';

/**
 * Shown by `npm run dev` in place of a page while content has errors: the same
 * `path:line:column  message (hint)` lines that `npm run check` prints, so an editor sees
 * what to fix instead of a blank page or a stack trace. Never part of a production build,
 * which stops on the first invalid file.
 */
export function ContentProblems({ locale, problems }: { locale: Locale; problems: Problem[] }) {
  const t = translator(locale, 'ContentProblems');
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  return (
    <section className="content-problems" aria-labelledby="content-problems-title">
      <h1 id="content-problems-title">{t('title')}</h1>
      <p>{t('intro')}</p>
      <p className="content-problems-count">{t('summary', { errors, warnings: problems.length - errors })}</p>
      <ol className="content-problems-list">
        {problems.map((problem) => (
          <li key={formatProblem(problem)} data-severity={problem.severity}>
            <span className="content-problems-severity">{t(problem.severity)}</span>{' '}
            <code lang="en" dir="ltr">
              {formatProblem(problem)}
            </code>
          </li>
        ))}
      </ol>
    </section>
  );
}
