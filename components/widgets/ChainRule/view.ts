// view.ts — the chain-rule widget's picture and narration as markup strings (pure, no DOM), so the
// build-time HTML and every browser update come from the same code. Numbers are marked with data-v
// (see src/widgets/live.ts) so the browser tests can check each one.
import { fmt } from '../../../src/format/number.ts';
import { format } from '../../../src/widgets/live.ts';
import type { StepState, Walk } from './model.ts';

const BOX_W = 140, BOX_H = 54, ROW_H = 84, TOP = 8;
export const VIEW_W = 340;
export const viewHeight = (walk: Walk): number => TOP * 2 + (walk.rows - 1) * ROW_H + BOX_H;

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** A node's label as a variable in ∂L/∂…: compound labels get parentheses, ∂L/∂(y−a). */
const wrt = (label: string): string => esc(/[−+·]/.test(label) ? `(${label})` : label);

/** A marked number: `<tspan data-v="v-z">0.25</tspan>` in SVG, `<span …>` in HTML. */
function mark(tag: 'tspan' | 'span', name: string, value: number, style: 'plain' | 'factor' = 'plain'): string {
  return `<${tag} data-v="${name}" data-style="${style}">${esc(format(value, style))}</${tag}>`;
}

const top = (row: number): number => TOP + row * ROW_H;

/** The graph at one step: edges (with the local derivative once the gradient has flowed), then nodes. */
export function graphSvg(walk: Walk, s: StepState, arrowId: string): string {
  const at = new Map(walk.nodes.map((n) => [n.key, n]));
  const out: string[] = [];
  for (const e of walk.edges) {
    const c = at.get(e.child)!, p = at.get(e.parent)!;
    const x1 = c.cx, y1 = top(c.row) + BOX_H, x2 = p.cx, y2 = top(p.row);
    const flowed = s.flowed.has(`${e.child}|${e.parent}`);
    const now = s.phase === 'backward' && s.current === e.parent;
    out.push(`<line class="edge${flowed ? ' flowed' : ''}${now ? ' now' : ''}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" marker-end="url(#${arrowId})"/>`);
    if (flowed) {
      const mx = (x1 + x2) / 2, my = (y1 + y2) / 2;
      const right = x2 >= x1;
      out.push(`<text class="edge-label${now ? ' now' : ''}" x="${mx + (right ? 6 : -6)}" y="${my + 4}" text-anchor="${right ? 'start' : 'end'}">×${mark('tspan', `l-${e.parent}-${e.child}`, e.local, 'factor')}</text>`);
    }
  }
  for (const n of walk.nodes) {
    const x = n.cx - BOX_W / 2, y = top(n.row);
    const known = s.known.has(n.key);
    const gradKnown = s.gradKnown.has(n.key);
    const cls = ['node', n.leaf ? 'leaf' : 'op', s.current === n.key ? `current ${s.phase}` : '', known ? '' : 'unknown'].join(' ').trim();
    const title = n.leaf ? esc(n.label) : `${esc(n.label)} = ${esc(n.formula)}`;
    out.push(`<g class="${cls}">`,
      `<rect x="${x}" y="${y}" width="${BOX_W}" height="${BOX_H}" rx="8"/>`,
      `<text class="node-title" x="${n.cx}" y="${y + 16}" text-anchor="middle">${title}</text>`,
      `<text class="node-value" x="${n.cx}" y="${y + 33}" text-anchor="middle">${known ? `= ${mark('tspan', `v-${n.key}`, n.value)}` : '= ?'}</text>`,
      gradKnown ? `<text class="node-grad" x="${n.cx}" y="${y + 48}" text-anchor="middle">∂L/∂${wrt(n.label)} = ${mark('tspan', `g-${n.key}`, n.grad)}</text>` : '',
      '</g>');
  }
  return out.join('');
}

/** One sentence or two about the current step, with its numbers, as HTML. */
export function narrationHtml(walk: Walk, s: StepState): string {
  const at = new Map(walk.nodes.map((n) => [n.key, n]));
  const F = walk.forward.length, B = walk.backward.length;
  const inputs = walk.nodes.filter((n) => n.leaf).map((n) => `${esc(n.label)} = ${mark('span', `v-${n.key}`, n.value)}`).join(', ');
  if (s.phase === 'start') {
    return `<p><strong>Start.</strong> Only the inputs are known: ${inputs}. Step forward to compute the graph one node at a time, from the inputs down to the loss L.</p>`;
  }
  const n = at.get(s.current!)!;
  if (s.phase === 'forward') {
    const kids = walk.edges.filter((e) => e.parent === n.key).map((e) => at.get(e.child)!);
    const from = kids.map((c) => `${esc(c.label)} = ${mark('span', `v-${c.key}`, c.value)}`).join(' and ');
    return `<p><strong>Forward ${s.index} of ${F}:</strong> ${esc(n.label)} = ${esc(n.formula)}, from ${from}, is ${mark('span', `v-${n.key}`, n.value)}.</p>`;
  }
  const outgoing = walk.edges.filter((e) => e.parent === n.key);
  const first = s.index === 1 ? `It starts at the loss itself: ∂L/∂L = ${mark('span', 'g-L', 1)}. ` : '';
  const lines = outgoing.map((e) => {
    const c = at.get(e.child)!;
    return `<li>∂L/∂${wrt(c.label)} = ∂${wrt(n.label)}/∂${wrt(c.label)} × ∂L/∂${wrt(n.label)} = local × upstream = `
      + `${mark('span', `l-${n.key}-${c.key}`, e.local, 'factor')} × ${mark('span', `g-${n.key}`, n.grad, 'factor')} = ${mark('span', `c-${n.key}-${c.key}`, e.contribution)}</li>`;
  }).join('');
  const step = `<p><strong>Backward ${s.index} of ${B}:</strong> ${first}Node ${esc(n.label)} = ${esc(n.formula)} passes its gradient to its inputs, each time multiplied by the local derivative on the edge:</p><ul>${lines}</ul>`;
  return s.finished ? step + doneHtml(at) : step;
}

function doneHtml(at: ReadonlyMap<string, { value: number; grad: number }>): string {
  return `<p class="done"><strong>Both passes done.</strong> Forward, the graph computed L = ${mark('span', 'v-L', at.get('L')!.value)}; `
    + `backward, every node received ∂L/∂node, among them ∂L/∂w = ${mark('span', 'g-w', at.get('w')!.grad)} and ∂L/∂b = ${mark('span', 'g-b', at.get('b')!.grad)}. `
    + 'Press <em>Start over</em> to walk through it node by node.</p>';
}

/** A plain-text description of the graph for screen readers (the SVG itself is decorative). */
export function graphSummary(walk: Walk, s: StepState): string {
  const parts = walk.nodes.map((n) => {
    const value = s.known.has(n.key) ? fmt(n.value) : 'not computed yet';
    const grad = s.gradKnown.has(n.key) ? `, gradient ${fmt(n.grad)}` : '';
    return `${n.label}${n.leaf ? '' : ` = ${n.formula}`}: ${value}${grad}`;
  });
  return `Computational graph of the neuron and its loss. ${parts.join('; ')}.`;
}
