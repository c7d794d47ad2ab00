import type { ReactNode } from 'react';
import { getLocaleFacts, isLocale } from '@/i18n/locales';

/**
 * A passage in another language than the story's, such as an English name inside Arabic
 * text: it gets its own `lang` (fonts, hyphenation, screen-reader voice) and `dir`, which
 * also isolates it so its direction cannot reorder the words around it.
 */
export function Lang({ code, block, children }: { code: string; block?: boolean; children?: ReactNode }) {
  if (!isLocale(code)) throw new Error(`<Lang code="${code}">: the site does not publish in "${code}"`);
  const facts = getLocaleFacts(code);
  const Element = block ? 'div' : 'span';
  return (
    <Element lang={facts.code} dir={facts.direction} className="mdx-lang">
      {children}
    </Element>
  );
}
