// glossary-tips.ts — the glossary terms' definitions (markup from src/markdown/glossary-links.ts), shown on
// hover and keyboard focus. Without JavaScript book.css shows them in place; here each is shown as a popover
// (the browser's top layer), because a chapter's blocks are paint-contained (content-visibility in book.css)
// and would clip a tip at their edge. Escape hides an open definition (WCAG 1.4.13); pointing at the
// definition itself keeps it open.

const GAP = 6;
const MARGIN = 8;
const HIDE_DELAY_MS = 150;

/** Places an open tip under its term (above it near the bottom), kept inside the window. */
function place(tip: HTMLElement, link: HTMLElement): void {
  if (matchMedia('(max-width: 40rem)').matches) { tip.style.left = tip.style.top = ''; return; } // a strip along the bottom (book.css)
  const r = link.getBoundingClientRect();
  const w = tip.offsetWidth;
  const h = tip.offsetHeight;
  const left = Math.max(MARGIN, Math.min(r.left, innerWidth - w - MARGIN));
  const below = r.bottom + GAP;
  const top = below + h > innerHeight - MARGIN && r.top - GAP - h > MARGIN ? r.top - GAP - h : below;
  tip.style.left = `${left}px`;
  tip.style.top = `${top}px`;
}

/** Shows each `.term`'s definition as a popover on hover and focus. */
export function initGlossaryTips(): void {
  const terms = document.querySelectorAll<HTMLElement>('.term');
  if (terms.length === 0 || !('showPopover' in HTMLElement.prototype)) return; // book.css's in-place tips remain
  document.documentElement.classList.add('term-tips-popover');
  let open: { tip: HTMLElement; link: HTMLElement } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hide = () => { clearTimeout(timer); if (open?.tip.matches(':popover-open')) open.tip.hidePopover(); open = undefined; };
  const show = (tip: HTMLElement, link: HTMLElement) => {
    clearTimeout(timer);
    if (open?.tip === tip) return;
    hide();
    tip.showPopover();
    place(tip, link);
    open = { tip, link };
  };
  for (const term of terms) {
    const link = term.querySelector<HTMLElement>('.term-link');
    const tip = term.querySelector<HTMLElement>('.term-tip');
    if (!link || !tip) continue;
    tip.popover = 'manual';
    link.addEventListener('mouseenter', () => show(tip, link));
    link.addEventListener('focus', () => show(tip, link));
    link.addEventListener('blur', hide);
    // Leaving the term or its definition hides it after a moment, so the pointer can cross the gap between them.
    const later = () => { clearTimeout(timer); timer = setTimeout(() => { if (document.activeElement !== link) hide(); }, HIDE_DELAY_MS); };
    link.addEventListener('mouseleave', later);
    tip.addEventListener('mouseenter', () => clearTimeout(timer));
    tip.addEventListener('mouseleave', later);
  }
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && open) hide(); });
  const follow = () => { if (open) place(open.tip, open.link); };
  addEventListener('scroll', follow, { passive: true });
  addEventListener('resize', follow);
}
