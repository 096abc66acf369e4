// hidden-delta.ts — <bp-hidden-delta>: recomputes the two-neuron forward and backward pass when an input changes.
import { ParamWidget } from '../../../src/widgets/param-widget';
import { writeNumbers, writeShapes } from '../../../src/widgets/live';
import { compute, schema, type HiddenDeltaValues } from './model';

class HiddenDelta extends ParamWidget<typeof schema> {
  protected readonly schema = schema;

  protected show(values: HiddenDeltaValues): void {
    // compute() throws (EngineError) before anything is written; writeNumbers checks every number
    // for NaN/∞ before writing any of them, so a refused input leaves the last valid picture intact.
    const m = compute(values);
    writeNumbers(this, m.numbers);
    writeShapes(this, m.shapes);
  }
}

customElements.define('bp-hidden-delta', HiddenDelta);
