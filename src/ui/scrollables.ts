// scrollables.ts — a wide equation or table on a narrow screen scrolls sideways; a keyboard user must be
// able to reach it to scroll it. Regions that actually overflow get tabindex="0" and a label; the others
// stay out of the tab order. Re-checked when the window is resized (and fonts have loaded).
// A widget's live equation hides its KaTeX from screen readers, so its wrapper scrolls instead.
// Everything that overflows (those regions and code blocks) also gets data-scroll="start|middle|end",
// which book.css turns into a fading edge where more content waits: the cue that it scrolls.
const SELECTOR = '.katex-display:not(.live-eq .katex-display), .live-eq-display, .table-wrap';
const CUE_SELECTOR = `${SELECTOR}, pre.astro-code`;

function mark(): void {
  for (const el of document.querySelectorAll<HTMLElement>(SELECTOR)) {
    const overflows = el.scrollWidth > el.clientWidth + 1;
    if (overflows && !el.hasAttribute('tabindex')) {
      el.tabIndex = 0;
      el.setAttribute('role', 'region');
      el.setAttribute('aria-label', el.classList.contains('table-wrap') ? 'Table, scrolls sideways' : 'Equation, scrolls sideways');
    } else if (!overflows && el.getAttribute('role') === 'region') {
      el.removeAttribute('tabindex');
      el.removeAttribute('role');
      el.removeAttribute('aria-label');
    }
  }
  for (const el of document.querySelectorAll<HTMLElement>(CUE_SELECTOR)) cue(el);
}

/** Where the region stands: no attribute when it fits, else at the start, the end or in the middle. */
function cue(el: HTMLElement): void {
  const max = el.scrollWidth - el.clientWidth;
  if (max <= 1) { delete el.dataset['scroll']; return; }
  const x = Math.abs(el.scrollLeft);
  const at = x <= 1 ? 'start' : x >= max - 1 ? 'end' : 'middle';
  if (el.dataset['scroll'] !== at) el.dataset['scroll'] = at;
}

export function initScrollables(): void {
  mark();
  void document.fonts?.ready.then(mark);
  let frame = 0;
  window.addEventListener('resize', () => { cancelAnimationFrame(frame); frame = requestAnimationFrame(mark); });
  // Scroll events do not bubble, but they can be caught on the way down.
  document.addEventListener('scroll', (e) => {
    const el = e.target;
    if (el instanceof HTMLElement && el.dataset['scroll'] !== undefined) cue(el);
  }, { capture: true, passive: true });
}
