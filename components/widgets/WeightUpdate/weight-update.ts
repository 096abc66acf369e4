// weight-update.ts — <bp-weight-update>: recomputes the step when an input changes (back to step 0),
// and takes steps when Step or "10 steps" is pressed (the count lives in the URL as wu1.steps).
import { ParamWidget } from '../../../src/widgets/param-widget';
import { fillTemplate, writeNumbers, writeShapes } from '../../../src/widgets/live';
import { compute, MAX_STEPS, schema, type WeightUpdateValues } from './model';

type Key = keyof typeof schema & string;

class WeightUpdate extends ParamWidget<typeof schema> {
  protected readonly schema = schema;

  protected show(values: WeightUpdateValues): void {
    // Compute everything first (it throws on numbers it cannot show), then write.
    const m = compute(values);
    writeNumbers(this, m.numbers);
    writeShapes(this, m.plots.shapes);
    this.setAxes('loss', m.plots.lossAxes);
    this.setAxes('out', m.plots.outAxes);
    this.toggleAttribute('data-reachable', !m.unreachable);
    this.querySelector('[data-when-cap]')?.toggleAttribute('hidden', !m.atCap);
    this.querySelector('[data-when-stepped]')?.toggleAttribute('hidden', !m.stepped);
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-action^="step"]')) button.disabled = m.atCap;
    if (this.announce) {
      // Tell screen readers what the button did (the numbers themselves are in the table and equations).
      this.announce = false;
      this.status().textContent = fillTemplate('{steps} steps taken. The loss is now {loss}.', m.numbers);
    }
  }

  /** Set by the Step buttons, so that the next render announces the new step count. */
  private announce = false;

  private status(): HTMLElement {
    return this.querySelector<HTMLElement>('[data-step-status]') ?? document.createElement('p');
  }

  /** The axes' markup last written, per plot: ticks change only when a plot's range does. */
  private axes: Record<string, string> = {};

  private setAxes(name: string, svg: string): void {
    const g = this.querySelector(`[data-axes="${name}"]`);
    if (g && this.axes[name] !== svg) { g.innerHTML = svg; this.axes[name] = svg; }
  }

  protected override onActivate(): void {
    this.querySelector('[data-action="step"]')?.addEventListener('click', () => this.takeSteps(1));
    this.querySelector('[data-action="step10"]')?.addEventListener('click', () => this.takeSteps(10));
  }

  private takeSteps(count: number): void {
    this.announce = true;
    super.set('steps', Math.min(this.values.steps + count, MAX_STEPS));
  }

  /** A new input starts gradient descent again from step 0: the steps taken belong to the old inputs. */
  protected override set(key: Key, value: number | string): void {
    if (key !== 'steps' && this.values.steps !== 0) super.set('steps', 0);
    super.set(key, value);
  }

  protected override onReset(): void {
    this.announce = false;
    this.status().textContent = '';
  }
}

customElements.define('bp-weight-update', WeightUpdate);
