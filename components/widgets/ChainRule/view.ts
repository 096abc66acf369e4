// view.ts — the chain-rule widget's picture, narration and screen-reader summary as markup strings
// (pure, no DOM), so the build-time HTML and every browser update come from the same code. Every
// number is marked (markHtml: data-v, the book's formatter), so the painter keeps it up to date and
// the browser tests can check each one; where things go comes from layout.ts.
import { fmt, type NumberStyle } from '../../../src/format/number.ts';
import { markHtml, type Named } from '../../../src/format/names.ts';
import { layoutGraph, LABEL_FONT } from './layout.ts';
import type { StepState, Walk } from './walk.ts';

type Numbers = Readonly<Record<string, number>>;

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** A node's label as a variable in ∂L/∂…: compound labels get parentheses, ∂L/∂(y−a). */
const wrt = (label: string): string => esc(/[−+·]/.test(label) ? `(${label})` : label);

/** The local derivative on an edge as its label shows it: "×0.5", "×(−1)". */
export const edgeText = (local: number): string => `×${fmt(local, { style: 'factor' })}`;

/** The graph laid out for these numbers (labels are placed by their width, so by the numbers shown). */
export function layoutOf(walk: Walk) {
  return layoutGraph(walk.nodes, walk.edges.map((e) => ({ child: e.child, parent: e.parent, text: edgeText(e.local) })), walk.rows);
}

/** The graph at one step: edges and arrowheads, the local derivative on each edge the gradient has flowed along, then the nodes. */
export function graphSvg(walk: Walk, s: StepState, N: Named<Numbers>): string {
  const mark = (name: string, style: NumberStyle = 'plain') => markHtml(N(name), style, 'tspan');
  const layout = layoutOf(walk);
  const lines: string[] = [], labels: string[] = [], nodes: string[] = [];
  walk.edges.forEach((e, i) => {
    const { line, arrow, label } = layout.edges[i]!;
    const flowed = s.flowed.has(`${e.child}|${e.parent}`);
    const now = s.phase === 'backward' && s.current === e.parent;
    const cls = `${flowed ? ' flowed' : ''}${now ? ' now' : ''}`;
    lines.push(`<line class="edge${cls}" x1="${line.x1}" y1="${line.y1}" x2="${line.x2}" y2="${line.y2}"/>`,
      `<path class="arrowhead" d="M${arrow.map(([x, y]) => `${x},${y}`).join('L')}Z"/>`);
    if (!flowed) return;
    const cx = label.x + label.width / 2, baseline = Math.round((label.y + label.height / 2 + LABEL_FONT * 0.36) * 100) / 100;
    labels.push(`<g class="edge-label${cls}">`,
      `<rect x="${label.x}" y="${label.y}" width="${label.width}" height="${label.height}" rx="4"/>`,
      `<text x="${cx}" y="${baseline}" text-anchor="middle">×${mark(`l-${e.parent}-${e.child}`, 'factor')}</text>`,
      '</g>');
  });
  for (const n of walk.nodes) {
    const b = layout.boxes.get(n.key)!;
    const known = s.known.has(n.key);
    const gradKnown = s.gradKnown.has(n.key);
    const cls = ['node', n.leaf ? 'leaf' : 'op', s.current === n.key ? `current ${s.phase}` : '', known ? '' : 'unknown'].join(' ').replace(/\s+/g, ' ').trim();
    const title = n.leaf ? esc(n.label) : `${esc(n.label)} = ${esc(n.formula)}`;
    nodes.push(`<g class="${cls}">`,
      `<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" rx="8"/>`,
      `<text class="node-title" x="${n.cx}" y="${b.y + 16}" text-anchor="middle">${title}</text>`,
      `<text class="node-value" x="${n.cx}" y="${b.y + 33}" text-anchor="middle">${known ? `= ${mark(`v-${n.key}`)}` : '= ?'}</text>`,
      gradKnown ? `<text class="node-grad" x="${n.cx}" y="${b.y + 48}" text-anchor="middle">∂L/∂${wrt(n.label)} = ${mark(`g-${n.key}`)}</text>` : '',
      '</g>');
  }
  return [...lines, ...labels, ...nodes].join('');
}

/** One sentence or two about the current step, with its numbers, as HTML. */
export function narrationHtml(walk: Walk, s: StepState, N: Named<Numbers>): string {
  const mark = (name: string, style: NumberStyle = 'plain') => markHtml(N(name), style);
  const at = new Map(walk.nodes.map((n) => [n.key, n]));
  const F = walk.forward.length, B = walk.backward.length;
  const inputs = walk.nodes.filter((n) => n.leaf).map((n) => `${esc(n.label)} = ${mark(`v-${n.key}`)}`).join(', ');
  if (s.phase === 'start') {
    return `<p><strong>Start.</strong> Only the inputs are known: ${inputs}. Step forward to compute the graph one node at a time, from the inputs down to the loss L.</p>`;
  }
  const n = at.get(s.current!)!;
  if (s.phase === 'forward') {
    const kids = walk.edges.filter((e) => e.parent === n.key).map((e) => at.get(e.child)!);
    const from = kids.map((c) => `${esc(c.label)} = ${mark(`v-${c.key}`)}`).join(' and ');
    return `<p><strong>Forward ${s.index} of ${F}:</strong> ${esc(n.label)} = ${esc(n.formula)}, from ${from}, is ${mark(`v-${n.key}`)}.</p>`;
  }
  const outgoing = walk.edges.filter((e) => e.parent === n.key);
  const first = s.index === 1 ? `It starts at the loss itself: ∂L/∂L = ${mark('g-L')}. ` : '';
  const lines = outgoing.map((e) => {
    const c = at.get(e.child)!;
    return `<li>∂L/∂${wrt(c.label)} = ∂${wrt(n.label)}/∂${wrt(c.label)} × ∂L/∂${wrt(n.label)} = local × upstream = `
      + `${mark(`l-${n.key}-${c.key}`, 'factor')} × ${mark(`g-${n.key}`, 'factor')} = ${mark(`c-${n.key}-${c.key}`)}</li>`;
  }).join('');
  const step = `<p><strong>Backward ${s.index} of ${B}:</strong> ${first}Node ${esc(n.label)} = ${esc(n.formula)} passes its gradient to its inputs, each time multiplied by the local derivative on the edge:</p><ul>${lines}</ul>`;
  if (!s.finished) return step;
  return `${step}<p class="done"><strong>Both passes done.</strong> Forward, the graph computed L = ${mark('v-L')}; `
    + `backward, every node received ∂L/∂node, among them ∂L/∂w = ${mark('g-w')} and ∂L/∂b = ${mark('g-b')}. `
    + 'Press <em>Start over</em> to walk through it node by node.</p>';
}

/** The graph described for screen readers (the SVG itself is decorative), with marked numbers. */
export function graphSummaryHtml(walk: Walk, s: StepState, N: Named<Numbers>): string {
  const parts = walk.nodes.map((n) => {
    const value = s.known.has(n.key) ? markHtml(N(`v-${n.key}`)) : 'not computed yet';
    const grad = s.gradKnown.has(n.key) ? `, gradient ${markHtml(N(`g-${n.key}`))}` : '';
    return `${esc(n.label)}${n.leaf ? '' : ` = ${esc(n.formula)}`}: ${value}${grad}`;
  });
  return `Computational graph of the neuron and its loss. ${parts.join('; ')}.`;
}

/** Markup as the words a screen reader would say: tags dropped, entities decoded, spaces collapsed. */
export function plainText(html: string): string {
  return html.replace(/<\/(p|li)>/g, ' ').replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
}
