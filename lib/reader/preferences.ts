/**
 * The reader's display preferences: colour theme and text size. They are remembered in
 * localStorage and applied to `<html>` as `data-theme` / `data-text-size` by a tiny inline
 * script in `<head>` before the first paint, so a returning reader never sees the wrong
 * theme or size flash. `public/scripts/site.js` runs the controls and uses the same keys
 * (a unit test keeps the two in step).
 */

export const themes = ['system', 'light', 'dark'] as const;
export type Theme = (typeof themes)[number];

/** Text-size steps, smallest first; `md` is the default and is never stored. */
export const textSizes = ['sm', 'md', 'lg', 'xl'] as const;
export type TextSize = (typeof textSizes)[number];
export const defaultTextSize: TextSize = 'md';

export const storageKeys = {
  theme: 'sada:theme',
  textSize: 'sada:text-size',
} as const;

/**
 * The inline `<head>` script. It must stay tiny and dependency-free: it runs before the
 * stylesheet is applied, marks the document as scripted (`js` class, which reveals the
 * controls and collapses the mobile menu without a flash), and applies stored choices.
 * Storage can throw (privacy modes); the page then simply follows the system.
 */
export const headScript = [
  '(function(d){d.classList.add("js");try{',
  `var t=localStorage.getItem("${storageKeys.theme}"),s=localStorage.getItem("${storageKeys.textSize}");`,
  `if(/^(${themes.filter((theme) => theme !== 'system').join('|')})$/.test(t))d.setAttribute("data-theme",t);`,
  `if(/^(${textSizes.filter((size) => size !== defaultTextSize).join('|')})$/.test(s))d.setAttribute("data-text-size",s)`,
  '}catch(e){}})(document.documentElement)',
].join('');
