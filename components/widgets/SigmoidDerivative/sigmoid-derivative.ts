// sigmoid-derivative.ts — <bp-sigmoid-derivative>: recomputes the σ' widget when x, w, b or the switch change.
import { ParamWidget } from '../../../src/widgets/param-widget';
import { writeNumbers, writeShapes } from '../../../src/widgets/live';
import { compute, schema, type SigmoidValues } from './model';

class SigmoidDerivative extends ParamWidget<typeof schema> {
  protected readonly schema = schema;

  protected show(values: SigmoidValues): void {
    const m = compute(values);
    writeNumbers(this, m.numbers);
    writeShapes(this, m.shapes);
    this.toggleAttribute('data-bug', m.wrongShown);
    this.querySelector('[data-when-off-plot]')?.toggleAttribute('hidden', !m.zOffPlot);
  }
}

customElements.define('bp-sigmoid-derivative', SigmoidDerivative);
