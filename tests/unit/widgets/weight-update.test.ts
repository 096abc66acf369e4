// The weight-update widget's model, against the chapter's closed forms (tests/fixtures/oracle.ts, which
// does not use the engine): every number after k steps, the run kept between renders (one engine step
// per new step), the pure transitions (Step, 10 steps, an input change, Play's end) and the plots.
import { describe, expect, test } from 'vitest';
import { MAX_STEPS, presets, weightUpdate as model, type WeightUpdateValues } from '../../../components/widgets/WeightUpdate/model';
import { trajectory } from '../../../components/widgets/WeightUpdate/trajectory';
import { oneNeuron, type OneNeuronParams } from '../../../src/engine/examples/one-neuron';
import { check, defaults } from '../../../src/kit/params';
import { descend, RUNNING, weightStep, type NeuronInputs } from '../../fixtures/oracle';

const values = (v: Partial<WeightUpdateValues> = {}): WeightUpdateValues => ({ ...model.defaults, ...v });
const at = (v: Partial<WeightUpdateValues> = {}) => { const all = values(v); return model.compute(all, model.start(all)); };
const inputs = (v: Partial<WeightUpdateValues>): NeuronInputs => ({ ...RUNNING, ...v });

/** Every number of the model equals the oracle's, to 12 significant digits (maxSteps is a constant). */
function expectOracle(numbers: Readonly<Record<string, number>>, start: NeuronInputs, k: number): void {
  const o: Record<string, number> = { ...weightStep(start, k), maxSteps: MAX_STEPS };
  for (const [name, v] of Object.entries(numbers)) {
    expect(o[name], `the oracle has ${name}`).toBeDefined();
    expect(v, name).toBeCloseTo(o[name]!, Math.max(0, 12 - Math.ceil(Math.log10(Math.abs(o[name]!) + 1e-300))));
  }
}

/** SVG units → data units, from a plot's data-frame attribute. */
function toData(frameJson: string | number, px: number, py: number): [number, number] {
  const f = JSON.parse(String(frameJson)) as { x: [number, number]; y: [number, number]; width: number; height: number; margin: [number, number, number, number] };
  const [top, right, bottom, left] = f.margin;
  return [
    f.x[0] + ((px - left) / (f.width - left - right)) * (f.x[1] - f.x[0]),
    f.y[0] + ((f.height - bottom - py) / (f.height - top - bottom)) * (f.y[1] - f.y[0]),
  ];
}

describe('the weight-update model: numbers', () => {
  test('compute(running example, step 0) is one step of w ← w − αδx, b ← b − αδ, with ΔL ≈ −α‖∇L‖² and Δz = −αδ(x² + 1)', () => {
    expect(defaults(model.schema)).toEqual({ x: 0.5, w: 0.3, b: 0.1, y: 1.5, alpha: 0.1, steps: 0 });
    expectOracle(at().numbers, RUNNING, 0);
    expect(model.first().numbers).toEqual(at().numbers);
  });
  test('compute after k steps equals k iterations of the update, from the start and from a preset', () => {
    expectOracle(at({ steps: 13 }).numbers, RUNNING, 13);
    const zigzag = inputs(presets.zigzag);
    const r = at({ ...presets.zigzag });
    expectOracle(r.numbers, zigzag, presets.zigzag.steps);
    expect(r.numbers.lossUps).toBeGreaterThan(5);
    expect(at({ ...presets.damped }).numbers.lossUps).toBe(0);
  });
  test('with y = 1.5 the loss falls at every step, even at α = 100, towards its floor ½(y − 1)²', () => {
    const r = at({ alpha: 100, steps: 200 });
    expect(r.numbers.lossUps).toBe(0);
    expect(r.numbers.loss).toBeGreaterThan(r.numbers.floor);
    expect(r.numbers.floor).toBeCloseTo(0.125, 15);
    expect(r.flags).toMatchObject({ unreachable: true, floorAboveZero: true });
    expect(at({ y: 0.8 }).flags).toMatchObject({ unreachable: false, floorAboveZero: false });
    expect(at({ y: 1 }).flags).toMatchObject({ unreachable: true, floorAboveZero: false });
  });
});

describe('the weight-update model: the run kept between renders (session)', () => {
  test('trajectory(params, step): k steps cost k + 1 engine steps once; k + 1 then costs one more, and asking again costs none', () => {
    let calls = 0;
    const counted = (p: OneNeuronParams) => { calls++; return oneNeuron(p); };
    const run = trajectory(RUNNING, counted);
    run.at(500);
    expect(calls).toBe(501);
    run.at(501);
    expect(calls).toBe(502);
    run.at(501); run.losses(501); run.outputs(501); run.lossUps(501); run.maxLoss(501);
    expect(calls).toBe(502);
    // Going back (Reset with the same inputs) derives that one step again, nothing more.
    run.at(3);
    expect(calls).toBe(503);
    const path = descend(RUNNING, 502);
    expect(run.losses(501)).toHaveLength(503);
    run.losses(501).forEach((L, j) => expect(L).toBeCloseTo(path[j]!.loss, 14));
    run.outputs(501).forEach((a, j) => expect(a).toBeCloseTo(path[j]!.output, 14));
  });
  test('through the model: a render after k steps takes one new engine step, not k + 1', () => {
    const v = values();
    const run = model.start(v);
    model.compute({ ...v, steps: 2000 }, run);
    expect(run.taken).toBe(2001);
    model.compute({ ...v, steps: 2001 }, run);
    expect(run.taken).toBe(2002);
    // …and is much faster than computing the run from 0 (relative timing, with a wide margin for a loaded machine).
    model.compute({ ...v, steps: 20_000 }, run);
    const t0 = performance.now();
    for (let k = 20_001; k <= 20_020; k++) model.compute({ ...v, steps: k }, run);
    const reused = (performance.now() - t0) / 20;
    const t1 = performance.now();
    for (let i = 0; i < 3; i++) model.compute({ ...v, steps: 20_000 }, model.start(v));
    const fresh = (performance.now() - t1) / 3;
    expect(reused).toBeLessThan(fresh / 10);
  });
  test('sessionKey changes with every input but not with the step count: a new run only for new inputs', () => {
    expect(model.sessionKey(values({ steps: 7 }))).toBe(model.sessionKey(values()));
    for (const key of ['x', 'w', 'b', 'y', 'alpha'] as const) {
      expect(model.sessionKey(values({ [key]: 0.7 }))).not.toBe(model.sessionKey(values()));
    }
  });
});

describe('the weight-update model: transitions', () => {
  test('Step and 10 steps add 1 and 10 to the step count, and stop at MAX_STEPS', () => {
    const v = values({ steps: 5 });
    const run = model.start(v);
    expect(model.actions!.step(v, run)).toEqual({ ...v, steps: 6 });
    expect(model.actions!.step10(v, run)).toEqual({ ...v, steps: 15 });
    expect(model.actions!.step10(values({ steps: MAX_STEPS - 3 }), run).steps).toBe(MAX_STEPS);
    expect(model.actions!.step(values({ steps: MAX_STEPS }), run).steps).toBe(MAX_STEPS);
    expect(v.steps).toBe(5);   // pure: the values given are not changed
  });
  test('an input change starts again from step 0 (onInput)', () => {
    const before = values({ steps: 12 });
    expect(model.onInput!({ ...before, alpha: 3 }, before, 'alpha')).toEqual({ ...before, alpha: 3, steps: 0 });
    expect(model.onInput!({ ...before, x: -1 }, before, 'x').steps).toBe(0);
  });
  test('Play repeats Step until the cap (play.done), and a step count beyond the cap is refused', () => {
    expect(model.play!.action).toBe('step');
    const run = model.start(values());
    expect(model.play!.done(values({ steps: MAX_STEPS - 1 }), run)).toBe(false);
    expect(model.play!.done(values({ steps: MAX_STEPS }), run)).toBe(true);
    expect(MAX_STEPS).toBe(100_000);
    expect(check(model.schema.steps, '100000').ok).toBe(true);
    expect(check(model.schema.steps, '100001')).toMatchObject({ ok: false, reason: 'is outside the range between 0 and 100000' });
  });
  test('at the cap every number is still the oracle’s, and the Step buttons are disabled by a flag', () => {
    const r = at({ steps: MAX_STEPS });
    expect(r.flags.atCap).toBe(true);
    expect(at({ steps: MAX_STEPS - 1 }).flags.atCap).toBe(false);
    const o = weightStep(RUNNING, MAX_STEPS);
    for (const name of ['w', 'b', 'loss', 'lossNext', 'delta'] as const) expect(r.numbers[name], name).toBeCloseTo(o[name], 12);
  });
  test('announce says how many steps were taken and the loss now, with the book’s formatter', () => {
    expect(model.announce!('step', at({ steps: 1 }))).toBe('1 step taken. The loss is now 0.4331.');
    expect(model.announce!('step10', at({ steps: 13 }))).toMatch(/^13 steps taken\. The loss is now 0\.\d{4}\.$/);
  });
  test('the learning rate is on a log scale from 0.001 to 100, and the chapter’s presets fit it', () => {
    expect(model.schema.alpha).toMatchObject({ scale: 'log', min: 0.001, max: 100 });
    for (const p of Object.values(presets)) expect(() => at(p)).not.toThrow();
    expect(check(model.schema.alpha, '0')).toMatchObject({ ok: false });
  });
});

describe('the weight-update model: sentences that depend on the numbers (flags)', () => {
  test('the book’s step moves both w and b up, lowers the loss, and ΔL is close to −α‖∇L‖²', () => {
    expect(at().flags).toMatchObject({ moveBothUp: true, moveBothDown: false, moveOpposite: false, moveOnlyB: false, moveNone: false, lossFell: true, lossRose: false, lossSame: false, predictionClose: true, stepped: false });
  });
  test('a target below ŷ moves both down; a negative x moves them apart; x = 0 moves only b', () => {
    expect(at({ y: 0.2 }).flags).toMatchObject({ moveBothDown: true, moveBothUp: false });
    expect(at({ x: -1 }).flags).toMatchObject({ moveOpposite: true, moveBothUp: false });
    expect(at({ x: 0 }).flags).toMatchObject({ moveOnlyB: true, moveBothUp: false, moveOpposite: false });
  });
  test('a large step can raise the loss, and then the first-order prediction is not close', () => {
    const r = at({ ...presets.zigzag });
    const o = weightStep(inputs(presets.zigzag), presets.zigzag.steps);
    expect(r.flags.lossRose).toBe(o.lossChange > 0);
    expect(r.flags.predictionClose).toBe(false);
    expect(Math.abs(o.lossChange - o.predictedChange)).toBeGreaterThan(0.1 * Math.abs(o.predictedChange));
  });
});

describe('the weight-update model: plots, in data units', () => {
  test('the loss dots sit at (j, L_j), the current point at (k, L_k) and the next-step marker at (k + 1, L_{k+1})', () => {
    const k = 12;
    const r = at({ steps: k });
    const path = descend(RUNNING, k + 1);
    const frame = r.shapes['loss-plot']['data-frame'];
    const dots = [...r.shapes['loss-dots'].d.matchAll(/M([\d.]+),([\d.]+)a2\.4/g)].map((m) => toData(frame, Number(m[1]) + 2.4, Number(m[2])));
    expect(dots).toHaveLength(k + 1);
    dots.forEach(([j, L], i) => { expect(j).toBeCloseTo(i, 1); expect(L).toBeCloseTo(path[i]!.loss, 3); });
    const [nx, ny] = toData(frame, r.shapes['loss-next'].cx, r.shapes['loss-next'].cy);
    expect(nx).toBeCloseTo(k + 1, 1);
    expect(ny).toBeCloseTo(path[k + 1]!.loss, 3);
    const [cx, cy] = toData(frame, r.shapes['loss-now'].cx, r.shapes['loss-now'].cy);
    expect([Math.round(cx), cy]).toEqual([k, expect.closeTo(path[k]!.loss, 3)]);
    const [ox, oy] = toData(r.shapes['out-plot']['data-frame'], r.shapes['out-next'].cx, r.shapes['out-next'].cy);
    expect(ox).toBeCloseTo(k + 1, 1);
    expect(oy).toBeCloseTo(path[k + 1]!.output, 3);
  });
  test('a long run is drawn through at most 400 points and without dots; the floor shows only above 0', () => {
    const r = at({ steps: 5000 });
    expect(r.shapes['loss-line'].d.match(/[ML]/g)!.length).toBeLessThanOrEqual(400);
    expect(r.shapes['loss-dots'].d).toBe('');
    expect(r.shapes['loss-floor'].visibility).toBe('visible');
    expect(at({ y: 0.8 }).shapes['loss-floor'].visibility).toBe('hidden');
    expect(r.markup.lossAxes).toContain('>5000<');
  });
});
