/**
 * `npm run build` renders the social cards in a process of its own beside Next
 * (scripts/cards.ts, at the lowest priority) and tells the post-export step where it is:
 *   CARDS_GATE     the file that process writes once every card is in the cache
 *   CARDS_PROCESS  its process id
 * (lib/social/cards.ts opens and waits on the gate; this module imports nothing, so the
 * build's own process can name them without loading the card renderer.)
 */
export const CARDS_GATE = 'CARDS_GATE';
export const CARDS_PROCESS = 'CARDS_PROCESS';
