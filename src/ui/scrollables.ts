// scrollables.ts — a wide equation or table on a narrow screen scrolls sideways; a keyboard user must be
// able to reach it to scroll it. Regions that actually overflow get tabindex="0" and a label; the others
// stay out of the tab order. Re-checked when the window is resized (and fonts have loaded).
// A widget's live equation hides its KaTeX from screen readers, so its wrapper scrolls instead.
const SELECTOR = '.katex-display:not(.live-eq .katex-display), .live-eq-display, .table-wrap';

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
}

export function initScrollables(): void {
  mark();
  void document.fonts?.ready.then(mark);
  let frame = 0;
  window.addEventListener('resize', () => { cancelAnimationFrame(frame); frame = requestAnimationFrame(mark); });
}
