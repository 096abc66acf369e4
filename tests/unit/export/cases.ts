// cases.ts — the exporting widgets at their defaults and at a state a reader could reach (inputs changed,
// steps taken, a run trained), shared by the Export tests. Adding `vectors` to a model: add it here.
import { outputDelta } from '../../../components/widgets/OutputDelta/model';
import { hiddenDelta } from '../../../components/widgets/HiddenDelta/model';
import { parallelNeurons } from '../../../components/widgets/ParallelNeurons/model';
import { weightUpdate } from '../../../components/widgets/WeightUpdate/model';
import { network221 } from '../../../components/widgets/Network221/model';
import { xorTrainer } from '../../../components/widgets/XorTrainer/model';
import type { WidgetModel } from '../../../src/kit/widget';
import { testVectors, type TestVectors } from '../../../src/export/vectors';

type AnyModel = WidgetModel;

/** [label, model, values changed from the defaults] */
export const EXPORT_CASES: readonly [string, AnyModel, Record<string, unknown>][] = [
  ['output-delta, defaults', outputDelta as never, {}],
  ['output-delta, changed', outputDelta as never, { x: -1.2, w: 2, b: -0.5, y: 0.3 }],
  ['hidden-delta, defaults', hiddenDelta as never, {}],
  ['hidden-delta, changed', hiddenDelta as never, { x: 1.5, w1: -2, b1: 0.5, w2: 3, b2: -1, y: 0.2 }],
  ['parallel-neurons, defaults', parallelNeurons as never, {}],
  ['parallel-neurons, changed', parallelNeurons as never, { x: -0.7, w11: 1.2, w22: 0.9, y: 0.6 }],
  ['weight-update, defaults', weightUpdate as never, {}],
  ['weight-update, 12 steps at α = 5', weightUpdate as never, { y: 0.8, alpha: 5, steps: 12 }],
  ['network-2-2-1, defaults', network221 as never, {}],
  ['network-2-2-1, changed', network221 as never, { W1: [[1, -2], [0.5, 3]], X: [[1, 1, 1, 1], [0, 0, 0, 0]], Y: [[1, 1, 1, 1]], alpha: 2 }],
  ['xor-trainer, defaults', xorTrainer as never, {}],
  ['xor-trainer, tanh, cross-entropy, 300 epochs', xorTrainer as never, { hidden: 3, activation: 'tanh', loss: 'binaryCrossEntropy', epoch: 300 }],
  ['xor-trainer, ReLU, mini-batches, 50 epochs', xorTrainer as never, { hidden: 4, activation: 'relu', batch: 'mini', epoch: 50, alpha: 0.5 }],
];

/** A widget's values, run and shown numbers at a case, and the vectors Export writes for them. */
export function exportAt(model: AnyModel, changed: Record<string, unknown>): { values: never; numbers: Readonly<Record<string, number>>; vectors: TestVectors } {
  const values = { ...model.defaults, ...changed } as never;
  const run = model.start(values);
  const numbers = (model.compute(values, run) as { numbers: Record<string, number> }).numbers;
  const c = model.vectors!(values, run);
  return { values, numbers, vectors: testVectors(model.name, c, numbers) };
}
