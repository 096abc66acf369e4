// print-one.ts — "Print this widget": prints one widget in its current state, with its link as text and
// a QR code that opens it. The page is marked (html.bp-print-one, data-print-one on the widget) so the
// print rules of share.css hide everything else; the marks and the link block go after printing.
// The QR encoder (the `qr` package) is fetched here, on the first print, not with the page.
import { qrSvg } from '../share.ts';

/** Prints `widget` alone, with `link` (the classroom link that restores it) as text and as a QR code. */
export async function printWidget(widget: HTMLElement, link: string): Promise<void> {
  const { encodeQR } = await import('qr');
  const block = document.createElement('div');
  block.className = 'widget-print-link';
  // The SVG is made here from the encoder's modules (numbers only); the link is set as text, never as HTML.
  block.innerHTML = qrSvg(encodeQR(link, 'raw', { ecc: 'medium', border: 4 }), 'QR code of the link below');
  const p = document.createElement('p');
  p.append('Open this widget as printed: ');
  const code = document.createElement('code');
  code.textContent = link;
  p.append(code);
  block.append(p);
  (widget.querySelector('figure') ?? widget).append(block);
  widget.toggleAttribute('data-print-one', true);
  document.documentElement.classList.add('bp-print-one');
  const done = () => {
    document.documentElement.classList.remove('bp-print-one');
    widget.removeAttribute('data-print-one');
    block.remove();
  };
  addEventListener('afterprint', done, { once: true });
  window.print();
}
