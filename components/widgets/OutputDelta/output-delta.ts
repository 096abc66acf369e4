// output-delta.ts — <bp-output-delta>: recomputes δ, its factors, the curve and the notes on every input.
import { ParamWidget } from '../../../src/widgets/param-widget';
import { writeNumbers, writeShapes } from '../../../src/widgets/live';
import { axesSvg } from '../../../src/widgets/plot';
import { compute, schema, type DeltaValues } from './model';

class OutputDelta extends ParamWidget<typeof schema> {
  protected readonly schema = schema;

  protected show(values: DeltaValues): void {
    const m = compute(values);
    writeNumbers(this, m.numbers);
    writeShapes(this, m.shapes);
    this.querySelector('[data-axes]')!.innerHTML = axesSvg(m.frame, { xLabel: 'z', yLabel: 'δ' });
    this.note('off-plot', m.zOffPlot);
    this.note('saturated', m.saturated);
    this.note('unreachable', !m.reachable);
  }

  private note(name: string, shown: boolean): void {
    this.querySelector(`[data-note="${name}"]`)?.toggleAttribute('hidden', !shown);
  }
}

customElements.define('bp-output-delta', OutputDelta);
