// dom.ts — a cell's output written into the page as text nodes (never as HTML), in the structure the build
// writes with outputHtml (src/cell/format.ts): one <span data-line> per line, <span data-n> per number.
import type { OutputLine } from './format.ts';

/** Replaces the contents of `target` with `lines`, as text. */
export function writeOutput(target: HTMLElement, lines: readonly OutputLine[]): void {
  const doc = target.ownerDocument;
  const nodes: Node[] = [];
  lines.forEach((l, i) => {
    if (i > 0) nodes.push(doc.createTextNode('\n'));
    const line = doc.createElement('span');
    line.setAttribute('data-line', '');
    if (l.kind === 'error') {
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
