// search.ts — the header's search box, first-load part: the `/` shortcut and, on the box's first focus
// (or first `/`), a dynamic import of the results code (./search-results.ts), which then loads Pagefind's
// client from /pagefind/ (built by src/build/pagefind-integration.ts). Nothing of Pagefind is first-load JS.

/** True while the reader types in a field, where `/` is a character and not the shortcut. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Wires the search box (`[data-search]` in Base.astro); loads the results code once, on first use. */
export function initSearch(): void {
  const root = document.querySelector<HTMLElement>('[data-search]');
  const input = root?.querySelector<HTMLInputElement>('input[type="search"]');
  if (!root || !input) return;
  let loading: Promise<void> | undefined;
  const load = () => (loading ??= import('./search-results').then((m) => m.attachResults(root, input)));
  input.addEventListener('focus', () => void load(), { once: true });
  document.addEventListener('keydown', (e) => {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
    e.preventDefault();
    input.focus();
    void load();
  });
}
