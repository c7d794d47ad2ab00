import { preload } from 'react-dom';
import type { Locale } from '@/i18n/locales';
import { versionedAsset } from '@/lib/assets';
import { fontPreloads } from '@/lib/fonts/manifest';
import { headScript } from '@/lib/reader/preferences';

/**
 * What every document's `<head>` carries besides metadata: the inline script that applies the
 * reader's remembered theme and text size before the first paint, and the site's one deferred
 * script (public/scripts/site.js), both marked `data-site-script`, the only scripts the
 * post-export step keeps. With `preloadFontsFor`, the page also preloads the (at most two) font
 * files its language needs; React places those hints before the stylesheet.
 *
 * The two pages outside the editions (`/` and 404) preload nothing: Next renders the 404 page
 * into every route's tree, and hints from it would reach every page.
 */
export function SiteHead({ preloadFontsFor }: { preloadFontsFor?: Locale }) {
  if (preloadFontsFor) {
    for (const font of fontPreloads(preloadFontsFor)) preload(font, { as: 'font', type: 'font/woff2', crossOrigin: 'anonymous' });
  }
  return (
    <>
      <script data-site-script="" dangerouslySetInnerHTML={{ __html: headScript }} />
      <script data-site-script="" src={versionedAsset('/scripts/site.js')} defer />
    </>
  );
}
