// inputs.ts — the inputs of the book's worked examples: the only numbers a chapter may write by hand
// (x = 0.5, w = 0.3, …). Everything derived from them is computed by the engine and marked on the page.
// The content rules use this list: tests/unit/site/chapters.test.ts (decimals typed into a chapter) and
// tests/e2e/decimals.spec.ts (decimals on a built page). A new example adds its inputs here.
import { oneNeuronDefaults, reachableTarget } from './one-neuron.ts';
import { twoNeuronDefaults } from './two-neurons.ts';
import { parallelDefaults } from './parallel.ts';
import { network221Defaults } from './network-2-2-1.ts';
import { classTargets, oneSampleDefaults, twoSampleDefaults } from './two-samples.ts';
import { mazurInputList } from './mazur.ts';
import { mazurPublished } from './mazur-published.ts';
import { xorReliable, xorTutorial } from './xor-training.ts';
import { miniBatchInputNumbers } from './mini-batch.ts';
import { deepStackPresets, pitfallsDefaults } from './pitfalls.ts';

/** Every example's inputs, by example. */
export const exampleInputs: Readonly<Record<string, readonly number[]>> = {
  'one neuron': [...Object.values(oneNeuronDefaults), reachableTarget],
  'two neurons in a row': Object.values(twoNeuronDefaults),
  'two neurons in parallel': Object.values(parallelDefaults),
  'the 2-2-1 network': Object.values(network221Defaults).flat(2),
  'two samples': [...Object.values(twoSampleDefaults), ...Object.values(classTargets)],
  'one sample in the loss explorer': Object.values(oneSampleDefaults),
  'Mazur’s 2-2-2 network': mazurInputList(),
  // Quoted, not computed: the exponent the source draft of the running example writes, e^(−0.05) (chapter 1's aside).
  'quoted: the source draft of chapter 1': [0.05],
  'training XOR': [xorTutorial.seed, xorTutorial.alpha, xorTutorial.epochs, xorTutorial.hidden, xorTutorial.batchSize, xorReliable.hidden, xorReliable.alpha],
  'mini-batches': miniBatchInputNumbers(),
  'pitfalls': [...Object.values(pitfallsDefaults), ...Object.values(deepStackPresets).flatMap((p) => [p.weightScale, p.bias])],
};

/**
 * Figures QUOTED from a source, exactly as printed there ("0.511301270", trailing zero and all): a page
 * may show them unmarked, as quotations, beside the engine's own numbers for the same quantities.
 */
export const quotedFigures: Readonly<Record<string, readonly string[]>> = {
  'M. Mazur, “A Step by Step Backpropagation Example” (2015)': mazurPublished.map((f) => f.text),
};

/** The inputs as a reader sees them written, without sign ("0.5", "1.5"), and the quoted figures: the decimals a page may show unmarked. */
export function declaredDecimals(): ReadonlySet<string> {
  const out = new Set<string>();
  for (const values of Object.values(exampleInputs)) {
    for (const v of values) {
      const s = String(Math.abs(v));
      if (s.includes('.')) out.add(s);
    }
  }
  for (const figures of Object.values(quotedFigures)) for (const f of figures) out.add(f.replace(/^[−-]/, ''));
  return out;
}
