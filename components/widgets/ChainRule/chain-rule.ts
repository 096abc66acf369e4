// chain-rule.ts — <bp-chain-rule>: recomputes the graph when x, w, b or y change, and walks the forward
// and backward passes with the Start over / Step back / Step forward buttons (the step is in the URL).
import { ParamWidget } from '../../../src/widgets/param-widget';
import { NotFiniteError, writeNumbers } from '../../../src/widgets/live';
import { compute, schema, TOTAL_STEPS, type ChainValues } from './model';
import { graphSummary, graphSvg, narrationHtml } from './view';

class ChainRule extends ParamWidget<typeof schema> {
  protected readonly schema = schema;

  protected override onActivate(): void {
    const go = (to: number) => this.set('step', Math.min(TOTAL_STEPS, Math.max(0, to)));
    this.button('start').addEventListener('click', () => go(0));
    this.button('back').addEventListener('click', () => go(this.values.step - 1));
    this.button('forward').addEventListener('click', () => go(this.values.step + 1));
  }

  private button(name: string): HTMLButtonElement {
    return this.querySelector<HTMLButtonElement>(`[data-walk="${name}"]`)!;
  }

  protected show(values: ChainValues): void {
    const m = compute(values);
    // Compute first, write last: refuse the whole update if any number is not finite.
    for (const [name, value] of Object.entries(m.numbers)) if (!Number.isFinite(value)) throw new NotFiniteError(name, value);
    this.querySelector('[data-graph]')!.innerHTML = graphSvg(m.walk, m.state, `${this.id}-arrow`);
    this.querySelector('[data-narration]')!.innerHTML = narrationHtml(m.walk, m.state);
    this.querySelector('[data-graph-summary]')!.textContent = graphSummary(m.walk, m.state);
    this.querySelector('[data-step-count]')!.textContent = `Step ${values.step} of ${TOTAL_STEPS}`;
    this.button('back').disabled = values.step === 0;
    this.button('start').disabled = values.step === 0;
    this.button('forward').disabled = values.step === TOTAL_STEPS;
    writeNumbers(this, m.numbers);
  }
}

customElements.define('bp-chain-rule', ChainRule);
