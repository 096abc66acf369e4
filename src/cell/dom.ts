// dom.ts — a cell's output written into the page as text nodes (never as HTML), in the structure the build
// writes with outputHtml (src/cell/format.ts): one <span data-line> per line, <span data-n> per number.
import type { OutputLine } from './format.ts';
import { plotPoints, plotSvg } from './plot.ts';

/** Replaces the contents of `target` with `lines`, as text. */
export function writeOutput(target: HTMLElement, lines: readonly OutputLine[]): void {
  const doc = target.ownerDocument;
  const nodes: Node[] = [];
  lines.forEach((l, i) => {
    if (i > 0) nodes.push(doc.createTextNode('\n'));
    const line = doc.createElement('span');
    line.setAttribute('data-line', '');
    if (l.kind === 'plot') {
      // Drawn here from the numbers alone (re-checked: a message from the worker is never trusted as markup).
      line.setAttribute('data-plot', '');
      const points = Array.isArray(l.points) ? l.points : [];
      const svg = new DOMParser().parseFromString(plotSvg(plotPoints(points.map((p) => Number(p?.[0])), points.map((p) => Number(p?.[1])))), 'image/svg+xml').documentElement;
      line.append(doc.importNode(svg, true));
    } else if (l.kind === 'error') {
      line.setAttribute('data-error', '');
      line.textContent = l.text;
    } else {
      for (const p of l.parts) {
        if (p.value === undefined) { line.append(doc.createTextNode(p.text)); continue; }
        const n = doc.createElement('span');
        n.setAttribute('data-n', String(p.value));
        n.textContent = p.text;
        line.append(n);
      }
    }
    nodes.push(line);
  });
  target.replaceChildren(...nodes);
}
