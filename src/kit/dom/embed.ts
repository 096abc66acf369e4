// embed.ts — an embed page (/embed/<widget>/) tells the page that holds its iframe how tall it is, so
// the iframe can fit it: on load and whenever its content changes size (a message shown, a plot drawn).
//   window.parent.postMessage({ type: 'bp-embed-height', id: 'od1', height: 812 }, '*')
// The target is '*' because the course page may be on any site; the message carries no reader data.
import type { EmbedHeightMessage } from '../share.ts';

/** Posts the height of the page's <main> (in CSS pixels, rounded up) now and after every resize. */
export function postHeight(): void {
  const main = document.querySelector<HTMLElement>('main');
  if (!main || window.parent === window) return;
  const id = main.querySelector('bp-widget')?.id ?? '';
  let last = -1;
  const send = () => {
    const height = Math.ceil(main.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    const message: EmbedHeightMessage = { type: 'bp-embed-height', id, height };
    window.parent.postMessage(message, '*');
  };
  new ResizeObserver(send).observe(main);
  send();
}
