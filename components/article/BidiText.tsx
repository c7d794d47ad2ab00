import { Fragment } from 'react';
import { directionOf, type Locale } from '@/i18n/locales';
import { ltrRuns } from '@/lib/text/bidi';

/**
 * Text from front matter (headline, summary, byline, place) shown on a page of `locale`: on
 * right-to-left pages its Latin names and figures are isolated, as in story bodies.
 */
export function BidiText({ text, locale }: { text: string; locale: Locale }) {
  if (directionOf(locale) !== 'rtl') return text;
  return ltrRuns(text).map((segment, index) =>
    segment.ltr ? (
      <bdi key={index} dir="ltr">
        {segment.text}
      </bdi>
    ) : (
      <Fragment key={index}>{segment.text}</Fragment>
    ),
  );
}
