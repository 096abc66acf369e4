// phone.ts — what the chapter specs check on a 390 px phone: display equations break into rows that fit,
// so nothing but code scrolls sideways.
import type { Page } from '@playwright/test';

/**
 * The display equations of the chapter (prose and widgets) that do not fit their column, each as its
 * first characters and by how many pixels: overflowing its own box, its wrapper (.equation,
 * .math-display, .live-eq), or reaching past the wrapper's right edge. [] when every one fits.
 */
export function displaysCutOff(page: Page): Promise<string[]> {
  return page.locator('.chapter-body .katex-display').evaluateAll((els) => els.flatMap((el) => {
    const box = (el.closest('.equation, .math-display, .live-eq') ?? el) as HTMLElement;
    const right = el.querySelector('.katex')!.getBoundingClientRect().right;
    const over = Math.max(el.scrollWidth - el.clientWidth, box.scrollWidth - box.clientWidth, right - box.getBoundingClientRect().right);
    return over > 1 ? [`${(el.textContent ?? '').slice(0, 50)}… by ${Math.round(over)} px`] : [];
  }));
}
