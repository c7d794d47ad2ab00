/**
 * Left-to-right runs inside right-to-left text. A Latin name, a figure such as "+974",
 * "10-15" or "2.5%", or a web address inside an Arabic sentence is a run of weak and neutral
 * characters that the bidi algorithm can reorder with the punctuation around it. Wrapping each
 * such run in an isolate (`<bdi dir="ltr">`) keeps it in one piece and keeps the Arabic
 * punctuation where the writer put it. Arabic-Indic digits (٠-٩) need no help and are left alone.
 */

export type BidiSegment = { text: string; ltr: boolean };

const LATIN_OR_DIGIT = String.raw`\p{Script=Latin}0-9`;
/** Characters that may continue a run between two Latin letters or digits. */
const INNER = String.raw` .,:/\-–+%&'’_@#×`;

/**
 * A run starts with a Latin letter or digit (or a sign directly before a digit: "+974",
 * "−3", "$5") and ends with a Latin letter, digit or "%"; neutral characters at its edges
 * (spaces, full stops, brackets, quotation marks) stay in the surrounding sentence.
 */
const LTR_RUN = new RegExp(
  String.raw`(?:[+\-−$€£#](?=[0-9]))?[${LATIN_OR_DIGIT}](?:[${LATIN_OR_DIGIT}${INNER}]*[${LATIN_OR_DIGIT}%])?`,
  'gu',
);

/** Splits `text` into alternating segments, marking the left-to-right runs. */
export function ltrRuns(text: string): BidiSegment[] {
  const segments: BidiSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(LTR_RUN)) {
    const start = match.index;
    if (start > last) segments.push({ text: text.slice(last, start), ltr: false });
    segments.push({ text: match[0], ltr: true });
    last = start + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), ltr: false });
  return segments;
}

/** Whether the text holds anything that needs isolating. */
export function hasLtrRun(text: string): boolean {
  LTR_RUN.lastIndex = 0;
  return LTR_RUN.test(text);
}
