// search-results.ts — loaded on the search box's first use (see ./search.ts): asks Pagefind for the query
// and lists the results under the box, each page with its best-matching sections (heading anchors) and
// the matching passage. Keyboard: ↓ from the box to the first result, ↑/↓ between results, Escape closes
// and returns to the box. A live status line tells screen readers how many results there are.

interface SubResult { title: string; url: string; excerpt: string; weighted_locations?: { balanced_score: number }[] }
interface ResultData { url: string; excerpt: string; meta: { title?: string }; sub_results: SubResult[] }
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(term: string, o?: Record<string, unknown>, ms?: number): Promise<{ results: { data(): Promise<ResultData> }[] } | null>;
}

const MAX_PAGES = 6;
const MAX_SECTIONS = 3;

/** The site's base path without a trailing slash, from the header's data-base attribute. */
function baseOf(root: HTMLElement): string {
  return (root.dataset['base'] ?? '').replace(/\/$/, '');
}

async function loadPagefind(base: string): Promise<Pagefind> {
  const url = `${base}/pagefind/pagefind.js`;
  const pf = (await import(/* @vite-ignore */ url)) as Pagefind;
  await pf.options({ baseUrl: `${base}/`, excerptLength: 24 });
  await pf.init();
  return pf;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Pagefind's excerpt is escaped text with <mark> around the matches: keep only those marks. */
function excerptNode(html: string): HTMLElement {
  const p = el('span', 'search-excerpt');
  const tmp = document.createElement('template');
  tmp.innerHTML = html;
  for (const n of Array.from(tmp.content.childNodes)) {
    if (n.nodeType === Node.TEXT_NODE) p.append(n.textContent ?? '');
    else if (n instanceof HTMLElement && n.tagName === 'MARK') p.append(el('mark', undefined, n.textContent ?? ''));
    else p.append(n.textContent ?? '');
  }
  return p;
}

function resultItem(r: ResultData): HTMLLIElement {
  const li = el('li', 'search-result');
  const page = el('a', 'search-page');
  page.href = r.url;
  page.append(el('span', 'search-title', r.meta.title ?? r.url));
  // Sections: Pagefind's sub-results are the headings (with ids) under which the words occur, in page
  // order; the best-matching ones come first (the sum of their matches' scores), the rest are left out.
  const score = (s: SubResult) => (s.weighted_locations ?? []).reduce((sum, w) => sum + w.balanced_score, 0);
  const sections = r.sub_results.filter((s) => s.url.includes('#')).sort((p, q) => score(q) - score(p)).slice(0, MAX_SECTIONS);
  if (sections.length === 0) page.append(excerptNode(r.excerpt));
  li.append(page);
  if (sections.length) {
    const ul = el('ul', 'search-sections');
    for (const s of sections) {
      const a = el('a', 'search-section');
      a.href = s.url;
      a.append(el('span', 'search-title', s.title), excerptNode(s.excerpt));
      const sli = el('li');
      sli.append(a);
      ul.append(sli);
    }
    li.append(ul);
  }
  return li;
}

/** Turns the header's search box into a live search over the book. */
export function attachResults(root: HTMLElement, input: HTMLInputElement): void {
  const panel = root.querySelector<HTMLElement>('[data-search-panel]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const list = root.querySelector<HTMLElement>('[data-search-list]')!;
  const pagefind = loadPagefind(baseOf(root));
  let shown = '';
  let refocusing = false; // Escape in the results returns to the box without opening the panel again

  // (No aria-expanded: a search box may not carry it; the live status line announces the results.)
  const close = () => { panel.hidden = true; };
  const open = () => { panel.hidden = false; };
  const links = () => Array.from(list.querySelectorAll<HTMLAnchorElement>('a'));

  const run = async () => {
    const term = input.value.trim();
    if (!term) { list.replaceChildren(); status.textContent = ''; close(); shown = ''; return; }
    open();
    if (term === shown) return;
    let pf: Pagefind;
    try { pf = await pagefind; } catch {
      status.textContent = 'Search is not available here: its index is made by the production build (npm run build).';
      return;
    }
    const found = await pf.debouncedSearch(term, {}, 150);
    if (found === null) return; // a newer query superseded this one
    const data = await Promise.all(found.results.slice(0, MAX_PAGES).map((r) => r.data()));
    if (input.value.trim() !== term) return;
    shown = term;
    list.replaceChildren(...data.map(resultItem));
    const n = found.results.length;
    status.textContent = n === 0 ? `No results for “${term}”.` : `${n} ${n === 1 ? 'page' : 'pages'} found for “${term}”${n > MAX_PAGES ? `, the first ${MAX_PAGES} shown` : ''}.`;
  };

  input.addEventListener('input', () => void run());
  input.addEventListener('focus', () => { if (input.value.trim() && !refocusing) open(); });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') { const first = links()[0]; if (first) { e.preventDefault(); first.focus(); } }
    else if (e.key === 'Escape') { if (panel.hidden) input.value = ''; close(); }
  });
  list.addEventListener('keydown', (e) => {
    const all = links();
    const i = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (e.key === 'ArrowDown' && i >= 0 && i < all.length - 1) { e.preventDefault(); all[i + 1]!.focus(); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); (i > 0 ? all[i - 1]! : input).focus(); }
    else if (e.key === 'Escape') { e.preventDefault(); close(); refocusing = true; input.focus(); refocusing = false; }
  });
  // Leaving the search (focus or a click elsewhere) closes the panel; following a result closes it too.
  root.addEventListener('focusout', (e) => { if (!root.contains(e.relatedTarget as Node | null)) close(); });
  document.addEventListener('pointerdown', (e) => { if (!root.contains(e.target as Node)) close(); });
  list.addEventListener('click', (e) => { if ((e.target as HTMLElement).closest('a')) close(); });
  if (input.value.trim()) void run();
}
