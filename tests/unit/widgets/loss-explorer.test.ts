// The loss explorer's model against chapter 6's closed forms (tests/fixtures/oracle-loss-and-batches.ts,
// which does not use the engine): every loss's numbers, the picked loss worked out, cross-entropy refused
// where it is not defined, and the curves and markers in the plots' own data units.
import { describe, expect, test } from 'vitest';
import { lossExplorer as model, type LossChoice } from '../../../components/widgets/LossExplorer/model';
import { DomainError, EngineError } from '../../../src/engine/errors';
import { defaults } from '../../../src/kit/params';
import { sampleLosses } from '../../fixtures/oracle-loss-and-batches';

type Values = typeof model.defaults;
const at = (v: Partial<Values>) => model.compute({ ...model.defaults, ...v }, undefined);

const KEYS = { half: 'Half', squared: 'Squared', 'cross-entropy': 'Bce', error: 'Error' } as const;
const ORACLE_KEYS = { half: 'half', squared: 'squared', 'cross-entropy': 'bce', error: 'error' } as const;

interface FrameData { x: [number, number]; y: [number, number]; width: number; height: number; margin: [number, number, number, number] }
const frameOf = (attrs: Readonly<Record<string, number | string>>): FrameData => JSON.parse(attrs['data-frame'] as string) as FrameData;
/** SVG units → data units, as the e2e helper does. */
function toData(f: FrameData, px: number, py: number): [number, number] {
  const [top, right, bottom, left] = f.margin;
  return [f.x[0] + ((px - left) / (f.width - left - right)) * (f.x[1] - f.x[0]), f.y[0] + ((f.height - bottom - py) / (f.height - top - bottom)) * (f.y[1] - f.y[0])];
}
/** The points of an SVG path "M…L…" in data units. */
const pathPoints = (f: FrameData, d: string): [number, number][] => [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => toData(f, Number(m[1]), Number(m[2])));

describe('the loss explorer model', () => {
  test('starts at ŷ = 0.3, y = 1 with the book’s loss picked', () => {
    expect(defaults(model.schema)).toEqual({ yHat: 0.3, y: 1, loss: 'half' });
    expect(model.first().flags.pickHalf).toBe(true);
  });

  test('every loss’s L, ∂L/∂ŷ and δ are the closed forms’, for targets in and out of [0, 1]', () => {
    for (const [yHat, y] of [[0.3, 1], [0.8, 0], [0.5, 1.5], [0.05, -1], [1, 2.5]] as const) {
      const n = at({ yHat, y }).numbers as Record<string, number>;
      const o = sampleLosses(yHat, y);
      for (const [choice, key] of Object.entries(KEYS)) {
        const e = o[ORACLE_KEYS[choice as LossChoice]];
        if (e === null) { expect(n[`loss${key}`], `${choice} at ${yHat}, ${y}`).toBeUndefined(); continue; }
        expect(n[`loss${key}`]).toBeCloseTo(e.loss, 13);
        expect(n[`grad${key}`]).toBeCloseTo(e.dLdyHat, 12);
        expect(n[`delta${key}`]).toBeCloseTo(e.delta, 13);
      }
      expect(n['err']).toBeCloseTo(y - yHat, 15);
      expect(n['slope']).toBeCloseTo(yHat * (1 - yHat), 15);
    }
  });

  test('the picked loss is the one worked out: loss, dLdyHat and δ follow the choice', () => {
    for (const choice of Object.keys(KEYS) as LossChoice[]) {
      const r = at({ yHat: 0.7, y: 0.2, loss: choice });
      const e = sampleLosses(0.7, 0.2)[ORACLE_KEYS[choice]]!;
      expect(r.numbers.loss).toBeCloseTo(e.loss, 13);
      expect(r.numbers.dLdyHat).toBeCloseTo(e.dLdyHat, 12);
      expect(r.numbers.delta).toBeCloseTo(e.delta, 13);
      expect(r.shapes[`loss-${choice}`]!['data-picked']).toBe('true');
    }
    expect(at({ yHat: 0.7, y: 0.2, loss: 'error' }).flags).toMatchObject({ pickError: true, pastTarget: true, pushUp: true });
    expect(at({ yHat: 0.2, y: 0.2 }).flags.atRest).toBe(true);
  });

  test('cross-entropy picked where it is not defined: the engine’s DomainError, for the kit to show', () => {
    for (const v of [{ y: 1.5 }, { y: -0.5 }, { yHat: 0 }, { yHat: 1 }, { yHat: 1e-13 }]) {
      expect(() => at({ ...v, loss: 'cross-entropy' }), JSON.stringify(v)).toThrow(DomainError);
    }
    expect(() => at({ y: 1.5, loss: 'cross-entropy' })).toThrow(EngineError);
    expect(() => at({ y: 1.5, loss: 'cross-entropy' })).toThrow('needs a target y between 0 and 1 (a probability), but y = 1.5');
  });

  test('cross-entropy not picked where it is not defined: its cells say so, its option is disabled, why is flagged', () => {
    const r = at({ y: 1.5 });
    expect(r.flags).toMatchObject({ bceUndefined: true, bceBadTarget: true, bceBadOutput: false, targetOnPlot: false, unreachable: true, floorAboveZero: true });
    expect(r.markup.lossBce).toBe('<span class="not-defined">not defined</span>');
    expect(r.shapes['loss-cross-entropy']!.d).toBe('');
    expect(r.numbers.lossFloor).toBeCloseTo(0.125, 15);
    expect(at({ yHat: 0 }).flags).toMatchObject({ bceUndefined: true, bceBadTarget: false, bceBadOutput: true });
    const option = model.schema.loss.options.find((o) => o.value === 'cross-entropy')!;
    expect(option.disableWhen).toBe('bceUndefined');
    expect(at({}).markup.lossBce).toBe('<span data-v="lossBce" data-style="plain">1.204</span>');
  });

  test('the plots: every marker sits on its curve at ŷ, in data units, and the curves are the closed forms', () => {
    for (const [yHat, y] of [[0.3, 1], [0.85, 0.2]] as const) {
      const r = at({ yHat, y });
      const o = sampleLosses(yHat, y);
      for (const which of ['loss', 'grad'] as const) {
        const f = frameOf(r.shapes[`${which}-plot`]!);
        for (const choice of Object.keys(KEYS) as LossChoice[]) {
          const e = o[ORACLE_KEYS[choice]]!;
          const m = r.shapes[`${which}-${choice}-marker`]!;
          const [mx, my] = toData(f, m['cx'] as number, m['cy'] as number);
          expect(mx).toBeCloseTo(yHat, 2);
          expect(Math.abs(my - (which === 'loss' ? e.loss : e.dLdyHat)), `${which} ${choice}`).toBeLessThan(1e-3 * (f.y[1] - f.y[0]));
          // Points of the curve, read back from the path, lie on the closed form.
          const points = pathPoints(f, r.shapes[`${which}-${choice}`]!.d as string);
          expect(points.length).toBeGreaterThan(20);
          for (const [px, py] of points.filter((_, i) => i % 17 === 0)) {
            const exact = sampleLosses(px, y)[ORACLE_KEYS[choice]]!;
            const want = which === 'loss' ? exact.loss : exact.dLdyHat;
            // SVG coordinates are rounded to 0.01 units: well under a thousandth of the plot's height.
            expect(Math.abs(py - want), `${which} ${choice} at ŷ = ${px}`).toBeLessThan(1e-3 * (f.y[1] - f.y[0]));
          }
        }
      }
    }
  });

  test('a cross-entropy far off the scale is flagged and its marker kept at the edge', () => {
    const r = at({ yHat: 1e-6, y: 1 });
    expect(r.flags.bceOffPlot).toBe(true);
    const f = frameOf(r.shapes['grad-plot']!);
    const [, my] = toData(f, 0, r.shapes['grad-cross-entropy-marker']!['cy'] as number);
    expect(my).toBeCloseTo(f.y[0], 1);
  });
});
