/**
 * The fixed list of sections a story can belong to. Their display names live in the
 * message catalogues (`Sections.<id>`), so adding one here means naming it in both languages.
 */
export const sections = [
  'politics',
  'economy',
  'human-rights',
  'society',
  'world',
  'culture',
  'technology',
  'environment',
] as const;

export type Section = (typeof sections)[number];
