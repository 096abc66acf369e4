// The output-delta widget's model, against the chapter's closed forms (tests/fixtures/oracle.ts, which
// does not use the engine): every number it shows, and when it warns.
import { describe, expect, test } from 'vitest';
import { outputDelta as model } from '../../../components/widgets/OutputDelta/model';
import { neuron, RUNNING, sigma, sigmaPrime } from '../../fixtures/oracle';
import { defaults } from '../../../src/kit/params';

const at = (v: Partial<typeof model.defaults>) => model.compute({ ...model.defaults, ...v }, undefined);

describe('the output-delta model', () => {
  test('compute(running example) gives δ = (a − y)·σ′(z) and ∂L/∂w = δx, ∂L/∂b = δ', () => {
    const o = neuron(RUNNING);
    const n = at({}).numbers;
    for (const [k, v] of Object.entries({ z: o.z, a: o.a, dLda: o.dLda, dadz: o.dadz, delta: o.delta, dLdw: o.dLdw, dLdb: o.dLdb })) {
      expect(n[k as keyof typeof n], k).toBeCloseTo(v, 14);
    }
    expect(n.oneMinusA).toBeCloseTo(1 - o.a, 14);
    expect(n.lossFloor).toBeCloseTo(0.5 * (1.5 - 1) ** 2, 15);
    expect(defaults(model.schema)).toEqual({ x: 0.5, w: 0.3, b: 0.1, y: 1.5 });
  });
  test('a large weight saturates the neuron: the flag, and 1 − a still shown (not 0) when a rounds to 1', () => {
    const r = at({ x: 5, w: 10 });
    expect(r.flags.saturated).toBe(true);
    expect(r.numbers.oneMinusA).toBeCloseTo(sigma(-(5 * 10 + 0.1)), 30);
    expect(r.numbers.oneMinusA).toBeGreaterThan(0);
    expect(r.numbers.dadz).toBeCloseTo(sigmaPrime(50.1), 30);
    expect(at({}).flags.saturated).toBe(false);
  });
  test('reachability follows 0 < y < 1 only; at y = 1 the target is out of reach but the floor is 0', () => {
    expect(at({ y: 0.8 }).flags).toMatchObject({ unreachable: false, floorAboveZero: false });
    expect(at({ y: 1 }).flags).toMatchObject({ unreachable: true, floorAboveZero: false });
    expect(at({ y: 0 }).flags).toMatchObject({ unreachable: true, floorAboveZero: false });
    expect(at({ y: -0.5 }).numbers.lossFloor).toBeCloseTo(0.125, 15);
  });
  test('the plot: the marker sits on δ(z) at the neuron’s z, in data units; off-plot z is clamped and flagged', () => {
    const r = at({});
    const frame = JSON.parse(r.shapes.plot['data-frame'] as string) as { x: [number, number]; y: [number, number]; width: number; height: number; margin: number[] };
    const [top, right, bottom, left] = frame.margin as [number, number, number, number];
    const dataX = frame.x[0] + ((r.shapes.marker.cx - left) / (frame.width - left - right)) * (frame.x[1] - frame.x[0]);
    const dataY = frame.y[0] + ((frame.height - bottom - r.shapes.marker.cy) / (frame.height - top - bottom)) * (frame.y[1] - frame.y[0]);
    expect(dataX).toBeCloseTo(neuron(RUNNING).z, 2);
    expect(dataY).toBeCloseTo(neuron(RUNNING).delta, 2);
    expect(at({ x: 5, w: 10 }).flags.offPlot).toBe(true);
  });
});
