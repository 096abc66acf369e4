// The chain-rule widget's model, against the chapter's chain rule worked by hand (tests/fixtures/oracle.ts,
// which does not use the engine): every value, gradient and local derivative of the graph; the walk's
// actions and flags; the layout of the edge labels; and the markup, whose every decimal is marked.
import { describe, expect, test } from 'vitest';
import { chainRule as model, stateAt, TOTAL_STEPS, walkOf } from '../../../components/widgets/ChainRule/model';
import { boundsOf, crosses, overlaps, textWidth, LABEL_FONT, type Box } from '../../../components/widgets/ChainRule/layout';
import { edgeText, layoutOf, plainText } from '../../../components/widgets/ChainRule/view';
import { fmt } from '../../../src/format/number';
import { presetHref } from '../../../src/kit/widget';
import { neuronGraph, RUNNING } from '../../fixtures/oracle';

type Inputs = { x: number; w: number; b: number; y: number };
const running: Inputs = { x: RUNNING.x, w: RUNNING.w, b: RUNNING.b, y: RUNNING.y };
const at = (v: Partial<typeof model.defaults>) => model.compute({ ...model.defaults, ...v }, undefined);

/** Inputs to check the widget with: the running example, a saturated neuron, long labels, the ends of every range. */
const CASES: readonly Inputs[] = [
  running,
  { x: 5, w: 10, b: 0.1, y: 1.5 },          // z = 50.1: a rounds to 1, σ′(z) ≈ 1.7·10⁻²²
  { x: 0.5, w: 10, b: 0.1, y: 0 },          // the chapter's confidently wrong neuron
  { x: -0.1235, w: -0.1235, b: 0.1, y: -2 }, // long labels on both edges into wx
  { x: -5, w: -10, b: -5, y: 3 },
  { x: 5, w: 10, b: 5, y: -2 },
  { x: 0.01, w: 0.01, b: 0, y: 0.5 },
];

describe('the chain-rule model: numbers', () => {
  test('defaults are the running example with both passes done (step 14 of 14)', () => {
    expect(model.defaults).toEqual({ ...running, step: TOTAL_STEPS });
    expect(TOTAL_STEPS).toBe(14);
  });

  for (const p of CASES) {
    test(`compute(${JSON.stringify(p)}): every value, gradient, local derivative and contribution is the chain rule by hand`, () => {
      const o = neuronGraph(p.x, p.w, p.b, p.y);
      const n = at(p).numbers;
      expect(Object.keys(n).sort()).toEqual(Object.keys(o).sort());
      for (const [k, v] of Object.entries(o)) {
        const got = n[k]!;
        // Relative agreement: a saturated neuron's gradients are around 10⁻²².
        expect(Math.abs(got - v) <= 1e-12 * Math.max(1e-300, Math.abs(v)) || Math.abs(got - v) < 1e-14, `${k}: ${got} vs ${v}`).toBe(true);
      }
    });
  }

  test('a saturated neuron (w = 10, x = 5): the graph’s ∂L/∂w and the summary’s print the same number, never 0', () => {
    const n = at({ x: 5, w: 10 }).numbers;
    expect(fmt(n['g-w']!)).toBe(fmt(n.dLdw));
    expect(fmt(n['g-w']!)).toMatch(/×10⁻²²$/);
    expect(n['g-w']).not.toBe(0);
    expect(fmt(n['l-a-z']!)).toBe(fmt(n.dadz));
  });
});

describe('the chain-rule model: the walk', () => {
  const v0 = model.defaults;
  const act = (name: 'start' | 'back' | 'forward', v = v0) => model.actions![name](v, undefined);

  test('Step forward and Step back move one step, clamped to 0 … 14; Start over goes to 0', () => {
    expect(act('forward').step).toBe(TOTAL_STEPS);
    expect(act('back').step).toBe(TOTAL_STEPS - 1);
    expect(act('start').step).toBe(0);
    const start = { ...v0, step: 0 };
    expect(act('back', start).step).toBe(0);
    expect(act('forward', start).step).toBe(1);
    let v = start;
    for (let i = 0; i < 20; i++) v = act('forward', v);
    expect(v.step).toBe(TOTAL_STEPS);
    // The actions touch only the step.
    expect({ ...act('start', { ...v0, x: 2 }), step: 1 }).toEqual({ ...v0, x: 2, step: 1 });
  });

  test('the flags disable Start over and Step back at step 0, and Step forward at the end', () => {
    expect(at({ step: 0 }).flags).toEqual({ atStart: true, atEnd: false });
    expect(at({ step: 7 }).flags).toEqual({ atStart: false, atEnd: false });
    expect(at({}).flags).toEqual({ atStart: false, atEnd: true });
  });

  test('the step counter and the narration say where the walk stands', () => {
    expect(at({ step: 0 }).text.stepCount).toBe('Step 0 of 14');
    expect(plainText(at({ step: 0 }).markup.narration)).toBe('Start. Only the inputs are known: y = 1.5, w = 0.3, x = 0.5, b = 0.1. Step forward to compute the graph one node at a time, from the inputs down to the loss L.');
    expect(plainText(at({ step: 3 }).markup.narration)).toBe('Forward 3 of 7: a = σ(z), from z = 0.25, is 0.5622.');
    expect(plainText(at({ step: 12 }).markup.narration)).toMatch(/^Backward 5 of 7: Node a = σ\(z\) passes its gradient .* ∂L\/∂z = ∂a\/∂z × ∂L\/∂a = local × upstream = 0\.2461 × \(−0\.9378\) = −0\.2308$/);
  });

  test('after a button, screen readers hear the step and the narration', () => {
    const r = at({ step: 1 });
    expect(model.announce!('forward', r)).toBe('Step 1 of 14. Forward 1 of 7: wx = w·x, from w = 0.3 and x = 0.5, is 0.15.');
  });

  test('gradients become known in backward order: L first, then each node’s inputs', () => {
    const walk = walkOf(running);
    const known = Array.from({ length: TOTAL_STEPS + 1 }, (_, k) => stateAt(walk, k).gradKnown.size);
    expect(known).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 5, 6, 7, 9, 11]);
  });

  test('presetHref(model, "cr1", { w: 10, y: 0 }) is the chapter’s link', () => {
    expect(presetHref(model, 'cr1', { w: 10, y: 0 })).toBe('?cr1.w=10&cr1.y=0#cr1');
  });
});

describe('the chain-rule graph: edge labels', () => {
  for (const p of CASES) {
    test(`for ${JSON.stringify(p)}, no label overlaps another label, a node, an arrowhead, or an edge it does not belong to`, () => {
      const walk = walkOf(p);
      const layout = layoutOf(walk);
      const labels = layout.edges.map((e) => e.label);
      expect(layout.edges.every((e) => e.clear)).toBe(true);
      // Checked here from the boxes themselves, not from the layout's own verdict.
      for (const [i, e] of layout.edges.entries()) {
        const name = `${e.parent}-${e.child}`;
        for (const [j, other] of labels.entries()) if (j !== i) expect(overlaps(e.label, other), `${name} over another label`).toBe(false);
        for (const [key, box] of layout.boxes) expect(overlaps(e.label, box), `${name} over node ${key}`).toBe(false);
        for (const [j, f] of layout.edges.entries()) {
          expect(overlaps(e.label, boundsOf(f.arrow)), `${name} over an arrowhead`).toBe(false);
          if (j !== i) expect(crosses(f.line, e.label), `${name} crosses the edge ${f.parent}-${f.child}`).toBe(false);
        }
        expect(e.label.x >= 0 && e.label.x + e.label.width <= layout.width, `${name} inside the view`).toBe(true);
        // The pill is at least as wide as the text, by the conservative estimate, at the largest label size.
        expect(e.label.width).toBeGreaterThanOrEqual(textWidth(edgeText(walk.edges[i]!.local), LABEL_FONT));
      }
    });
  }

  test('at every step the labels shown are a subset of those laid out, so they stay where they are', () => {
    const r0 = at({ step: 8 }).markup.graph, r1 = at({}).markup.graph;
    const rects = (svg: string) => [...svg.matchAll(/<g class="edge-label[^"]*"><rect ([^>]*)\/>/g)].map((m) => m[1]);
    expect(rects(r0).length).toBe(1);
    expect(rects(r1).length).toBe(10);
    expect(rects(r1)).toContain(rects(r0)[0]);
  });

  test('textWidth is generous: a digit is 0.75 em, × and − 0.86 em; boxes and segments meet as they should', () => {
    expect(textWidth('×(−0.06925)', 10)).toBeCloseTo(10 * (0.86 * 2 + 0.48 * 2 + 0.4 + 0.75 * 6), 10);
    const a: Box = { x: 0, y: 0, width: 10, height: 10 };
    expect(overlaps(a, { x: 10, y: 0, width: 5, height: 5 })).toBe(false);
    expect(crosses({ x1: -5, y1: 5, x2: 15, y2: 5 }, a)).toBe(true);
    expect(crosses({ x1: -5, y1: 15, x2: 15, y2: 12 }, a)).toBe(false);
  });
});

describe('the chain-rule markup: every number marked', () => {
  for (let step = 0; step <= TOTAL_STEPS; step++) {
    test(`at step ${step}, the graph, narration and summary have no decimal outside a mark`, () => {
      const r = model.compute({ ...model.defaults, x: 5, w: 10, step }, undefined);
      for (const [name, html] of Object.entries(r.markup)) {
        const unmarked = html.replace(/<(t?span) data-v="[^"]+" data-style="\w+">[^<]*<\/\1>/g, '#').replace(/<[^>]*>/g, ' ');
        expect(unmarked, name).not.toMatch(/\d\.\d|\d×10/);
        for (const m of html.matchAll(/data-v="([^"]+)"/g)) expect(r.numbers, `${name}: ${m[1]}`).toHaveProperty([m[1]!]);
      }
    });
  }
});
