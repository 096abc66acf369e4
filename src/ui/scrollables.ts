// scrollables.ts — a wide equation or table on a narrow screen scrolls sideways; a keyboard user must be
// able to reach it to scroll it. Regions that actually overflow get tabindex="0" and a label; the others
// stay out of the tab order. Re-checked when the window is resized (and fonts have loaded).
// A widget's live equation hides its KaTeX from screen readers, so its wrapper scrolls instead.
// Everything that overflows (those regions and code blocks) also gets data-scroll="start|middle|end",
// which book.css turns into a fading edge where more content waits: the cue that it scrolls.
// Regions near the screen are measured at once. Measuring forces layout, and book.css leaves blocks far
// from the screen unlaid-out (content-visibility) to keep long pages fast: measuring all of a long
// matrix chapter costs seconds of layout on a phone. Only a keyboard user needs a region focusable
// before reaching it, so the others are measured once the keyboard is first used (a Tab, an arrow, …),
// in small batches while the page is idle. <html data-scrollables="ready"> says when that is done.
const SELECTOR = '.katex-display:not(.live-eq .katex-display), .live-eq-display, .table-wrap';
const CUE_SELECTOR = `${SELECTOR}, pre.astro-code`;

function mark(el: HTMLElement): void {
  if (el.matches(SELECTOR)) {
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
  cue(el);
}

/** The regions near the screen, measured again when the window is resized or the fonts arrive. */
const near = new Set<HTMLElement>();

/** Where the region stands: no attribute when it fits, else at the start, the end or in the middle. */
function cue(el: HTMLElement): void {
  const max = el.scrollWidth - el.clientWidth;
  if (max <= 1) { delete el.dataset['scroll']; return; }
  const x = Math.abs(el.scrollLeft);
  const at = x <= 1 ? 'start' : x >= max - 1 ? 'end' : 'middle';
  if (el.dataset['scroll'] !== at) el.dataset['scroll'] = at;
}

export function initScrollables(): void {
  const all = [...document.querySelectorAll<HTMLElement>(CUE_SELECTOR)];
  const observer = new IntersectionObserver((entries) => {
    for (const e of entries) {
      const el = e.target as HTMLElement;
      if (e.isIntersecting) { near.add(el); mark(el); } else near.delete(el);
    }
  }, { rootMargin: '100% 0px' });
  for (const el of all) observer.observe(el);
  // The rest, a few at a time while the page is idle (never one long task).
  let next = 0;
  let running = false;
  const idle = window.requestIdleCallback ?? ((cb: IdleRequestCallback) => window.setTimeout(() => cb({ didTimeout: true, timeRemaining: () => 8 }), 16));
  const batch = (deadline: IdleDeadline) => {
    while (next < all.length && (deadline.timeRemaining() > 2 || deadline.didTimeout)) {
      mark(all[next++]!);
      if (deadline.didTimeout && next % 8 === 0) break;
    }
    if (next < all.length) { idle(batch, { timeout: 500 }); return; }
    running = false;
    document.documentElement.dataset['scrollables'] = 'ready';
  };
  const start = () => { next = 0; if (!running) { running = true; idle(batch, { timeout: 500 }); } };
  // The first key pressed starts the pass; a reader who only scrolls and reads never pays for it.
  let keyboard = false;
  const fonts = document.fonts?.ready ?? Promise.resolve();
  document.addEventListener('keydown', () => {
    if (keyboard) return;
    keyboard = true;
    void fonts.then(start);
  }, { capture: true });
  let frame = 0;
  window.addEventListener('resize', () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => { for (const el of near) mark(el); if (keyboard) start(); });
  });
  // Scroll events do not bubble, but they can be caught on the way down.
  document.addEventListener('scroll', (e) => {
    const el = e.target;
    if (el instanceof HTMLElement && el.dataset['scroll'] !== undefined) cue(el);
  }, { capture: true, passive: true });
}
