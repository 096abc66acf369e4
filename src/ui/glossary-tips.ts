// glossary-tips.ts — Escape hides a glossary term's definition (shown on hover and focus by book.css), as
// WCAG 1.4.13 asks of content that appears on hover or focus; it shows again on the next hover or focus.

/** Lets Escape dismiss the open `.term-tip`s (the markup comes from src/markdown/glossary-links.ts). */
export function initGlossaryTips(): void {
  if (!document.querySelector('.term')) return;
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    for (const t of document.querySelectorAll<HTMLElement>('.term:hover, .term:focus-within')) t.classList.add('term-dismissed');
  });
  const reset = (e: Event) => (e.target as Element | null)?.closest?.('.term')?.classList.remove('term-dismissed');
  document.addEventListener('mouseout', reset);
  document.addEventListener('focusout', reset);
}
