// inputs.ts — the inputs of the book's worked examples: the only numbers a chapter may write by hand
// (x = 0.5, w = 0.3, …). Everything derived from them is computed by the engine and marked on the page.
// The content rules use this list: tests/unit/site/chapters.test.ts (decimals typed into a chapter) and
// tests/e2e/decimals.spec.ts (decimals on a built page). A new example adds its inputs here.
import { oneNeuronDefaults, reachableTarget } from './one-neuron.ts';
import { twoNeuronDefaults } from './two-neurons.ts';
import { parallelDefaults } from './parallel.ts';
import { network221Defaults } from './network-2-2-1.ts';
import { deepStackPresets, pitfallsDefaults } from './pitfalls.ts';

/** Every example's inputs, by example. */
export const exampleInputs: Readonly<Record<string, readonly number[]>> = {
  'one neuron': [...Object.values(oneNeuronDefaults), reachableTarget],
  'two neurons in a row': Object.values(twoNeuronDefaults),
  'two neurons in parallel': Object.values(parallelDefaults),
  'the 2-2-1 network': Object.values(network221Defaults).flat(2),
  'pitfalls': [...Object.values(pitfallsDefaults), ...Object.values(deepStackPresets).flatMap((p) => [p.weightScale, p.bias])],
};

/** The inputs as a reader sees them written, without sign ("0.5", "1.5"): the decimals a page may show unmarked. */
export function declaredDecimals(): ReadonlySet<string> {
  const out = new Set<string>();
  for (const values of Object.values(exampleInputs)) {
    for (const v of values) {
      const s = String(Math.abs(v));
      if (s.includes('.')) out.add(s);
    }
  }
  return out;
}
