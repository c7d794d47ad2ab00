/**
 * Writing text into XML feeds. Characters XML 1.0 forbids (most C0 controls, lone
 * surrogates, U+FFFE/U+FFFF) are dropped, since one of them makes the whole feed unreadable.
 */

const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripInvalidXmlChars(text: string): string {
  return text.replace(INVALID_XML_CHARS, '');
}

/** Text content or attribute value, escaped for XML. */
export function xmlText(text: string): string {
  return stripInvalidXmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * Plain text in an RSS 2.0 element. The RSS Best Practices Profile (and the W3C feed
 * validator) ask for `&`, `<` and `>` as hexadecimal character references there, the form
 * aggregators agree on.
 */
export function rssText(text: string): string {
  return stripInvalidXmlChars(text).replace(/&/g, '&#x26;').replace(/</g, '&#x3C;').replace(/>/g, '&#x3E;');
}

/** Markup carried verbatim in a CDATA section; a `]]>` inside is split across two sections. */
export function cdata(markup: string): string {
  return `<![CDATA[${stripInvalidXmlChars(markup).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/** Plain text as HTML: what an HTML-typed element (RSS description) needs for a summary. */
export function htmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
