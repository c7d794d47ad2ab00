/**
 * Post-export transformation: turns a page exported by Next.js into a plain document.
 * Published pages carry no framework runtime: the React/Next client scripts, their
 * preloads and the inline RSC payload (which repeats the whole body) are removed. Scripts
 * of our own (marked `data-site-script`) and JSON-LD are kept.
 */

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const SCRIPT_PRELOAD = /<link\b[^>]*\bas="script"[^>]*\/?>/gi;
const MODULE_PRELOAD = /<link\b[^>]*\brel="modulepreload"[^>]*\/?>/gi;
/** Next adds a preconnect to its own origin for client navigation; a document does not need it. */
const SELF_PRECONNECT = /<link rel="preconnect" href="\/"[^>]*\/?>/gi;
/** Suspense boundary markers React leaves for hydration. */
const HYDRATION_HOLDER = /<div hidden="">(?:<!--\/?\$[!?]?-->)*<\/div>/g;
/** Empty comments React puts between adjacent text nodes for hydration. */
const TEXT_SEPARATOR = /<!-- -->/g;

export type StripResult = { html: string; removedScripts: number };

function keepScript(attributes: string): boolean {
  return /\bdata-site-script\b/.test(attributes) || /\btype="application\/ld\+json"/.test(attributes);
}

export function stripRuntime(html: string): StripResult {
  let removedScripts = 0;
  const withoutScripts = html.replace(SCRIPT, (whole, attributes: string) => {
    if (keepScript(attributes)) return whole;
    removedScripts += 1;
    return '';
  });
  const stripped = withoutScripts
    .replace(SCRIPT_PRELOAD, '')
    .replace(MODULE_PRELOAD, '')
    .replace(SELF_PRECONNECT, '')
    .replace(HYDRATION_HOLDER, '')
    .replace(TEXT_SEPARATOR, '');
  return { html: stripped, removedScripts };
}

/** Problems that mean the runtime was not fully removed; the build fails on any of them. */
export function runtimeLeftovers(html: string): string[] {
  const leftovers: string[] = [];
  if (/self\.__next_f/.test(html)) leftovers.push('inline RSC payload (self.__next_f)');
  if (/TURBOPACK/.test(html)) leftovers.push('Turbopack runtime bootstrap');
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]*)"/gi)) {
    if (match[1].includes('/_next/')) leftovers.push(`framework script ${match[1]}`);
  }
  return leftovers;
}

/** Static assets a page still refers to (stylesheets, fonts, images, our scripts). */
export function referencedAssets(html: string): string[] {
  return [...html.matchAll(/\b(?:href|src)="([^"]+)"/g)].map((match) => match[1]);
}
