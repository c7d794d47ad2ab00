/**
 * The search page's script (bundled into out/assets/search.js after the export; the page
 * loads it with `<script data-site-script type="module">`). It drives Pagefind's JavaScript
 * API over the server-rendered form:
 *
 *   <form role="search" data-search-base="/" data-results="…" data-status="…"
 *         data-msg-empty data-msg-none data-msg-error data-msg-loading
 *         data-msg-count-{zero,one,two,few,many,other}>
 *
 * Messages come from the page (translated on the server); `{q}` is the query, `{n}` the count
 * in the page's numbering system. Pagefind picks the index of the page's `<html lang>`, so
 * results are always in the page's language. `?q=` is read on load and kept up to date, so
 * a search can be shared, reloaded or bookmarked; the form also works as a plain GET.
 */
import { arabicQuery } from './arabic';

type ResultData = { url: string; excerpt: string; meta: Record<string, string | undefined> };
type SearchResponse = { results: { id: string; data: () => Promise<ResultData> }[] };
type Pagefind = {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string): Promise<SearchResponse>;
  debouncedSearch(query: string): Promise<SearchResponse | null>;
};

const form = document.querySelector<HTMLFormElement>('form[role="search"][data-search-base]');
const list = form && document.getElementById(form.dataset.results ?? '');
const status = form && document.getElementById(form.dataset.status ?? '');
if (form && list && status) setUp(form, list, status);

function setUp(form: HTMLFormElement, list: HTMLElement, status: HTMLElement): void {
  const input = form.elements.namedItem('q') as HTMLInputElement;
  const limit = Number(form.dataset.limit) || 20;
  const base = new URL(form.dataset.searchBase || '/', location.href);
  const lang = document.documentElement.lang;
  const numbers = new Intl.NumberFormat(form.dataset.numberLocale || lang);
  const plurals = new Intl.PluralRules(lang);
  const message = (key: string, values: Record<string, string> = {}) =>
    (form.dataset[key] ?? '').replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
  const capitalised = (category: string) => category[0].toUpperCase() + category.slice(1);

  let pagefind: Promise<Pagefind> | undefined;
  const load = () =>
    (pagefind ??= import(/* @vite-ignore */ new URL('pagefind/pagefind.js', base).href).then(
      async (module: Pagefind) => {
        // Result URLs are stored site-relative ("/ar/news/x/"); prefix them with the base path.
        await module.options({ baseUrl: base.pathname });
        await module.init();
        return module;
      },
      (error: unknown) => {
        pagefind = undefined; // the next search tries again
        throw error;
      },
    ));

  let latest = 0;
  async function run(raw: string, debounce = false) {
    const id = ++latest;
    const query = arabicQuery(raw);
    if (!query) {
      list!.replaceChildren();
      status!.textContent = message('msgEmpty');
      return;
    }
    status!.textContent = message('msgLoading');
    form.setAttribute('aria-busy', 'true');
    try {
      const engine = await load();
      const search = debounce ? await engine.debouncedSearch(query) : await engine.search(query);
      if (search === null || id !== latest) return; // a newer search took over
      const results = await Promise.all(search.results.slice(0, limit).map((result) => result.data()));
      if (id !== latest) return;
      list!.replaceChildren(...results.map(render));
      const count = search.results.length;
      status!.textContent = count
        ? message(`msgCount${capitalised(plurals.select(count))}`, { n: numbers.format(count), q: raw.trim() })
        : message('msgNone', { q: raw.trim() });
    } catch (error) {
      if (id !== latest) return;
      console.error(error);
      list!.replaceChildren();
      status!.textContent = message('msgError');
    } finally {
      if (id === latest) form.removeAttribute('aria-busy');
    }
  }

  function render(result: ResultData): HTMLLIElement {
    const item = document.createElement('li');
    const heading = document.createElement('h2');
    const link = document.createElement('a');
    link.href = result.url;
    link.textContent = result.meta.title || result.url;
    heading.append(link);
    const excerpt = document.createElement('p');
    // Pagefind escapes the page text and only adds <mark> around the matched words.
    excerpt.innerHTML = result.excerpt;
    item.append(heading, excerpt);
    return item;
  }

  function remember(query: string) {
    const url = new URL(location.href);
    if (query.trim()) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(history.state, '', url);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    remember(input.value);
    void run(input.value);
  });
  input.addEventListener('input', () => {
    remember(input.value);
    void run(input.value, true);
  });
  input.addEventListener('focus', () => load().catch(() => {}), { once: true });

  form.hidden = false; // hidden for readers without JavaScript, who get the explanation instead
  const initial = new URLSearchParams(location.search).get('q');
  input.value = initial ?? '';
  if (initial?.trim()) void run(initial);
}
