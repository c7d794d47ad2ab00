/** Where the post-export step writes the search page's script and Pagefind's bundle. */
export const SEARCH_SCRIPT = '/assets/search.js';
export const PAGEFIND_DIR = 'pagefind';
