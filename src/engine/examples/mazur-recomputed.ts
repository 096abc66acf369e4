// Mazur's 2-2-2 example recomputed: the first update in both orders, every quantity of it, and the
// post's published figures side by side with what each order gives (general-formulation).
//
// The published figures (mazur-published.ts) are a source's numbers, not the engine's: which order
// reproduces which of them is computed here, never written down.

import { sigmoidPrimeFromA } from '../activations.ts';
import { backward, forward } from '../dense.ts';
import { numericalGradient } from '../gradcheck.ts';
import { halfSquaredErrorSum } from '../losses.ts';
import { toRows, type Matrix } from '../matrix.ts';
import { copyNetwork } from '../network.ts';
import { mazurData, mazurDefaults, mazurNetwork, mazurRun, mazurStep, updateDuringStep, type MazurParams } from './mazur.ts';
import { agreement, MAZUR_ROUNDS, mazurPublished, type Agreement, type PublishedFigure } from './mazur-published.ts';

export * from './mazur-published.ts';

type Vec = readonly number[];
type Mat = readonly (readonly number[])[];

const list = (m: Matrix): number[] => Array.from(m.data);

/** Every quantity of the first update, in the book's symbols (vectors per unit, matrices row by row). */
export interface MazurFirstUpdate {
  /** Forward: z⁽¹⁾ (net_h), a⁽¹⁾ (out_h), z⁽²⁾ (net_o), a⁽²⁾ (out_o), each output's ½(y − a)² and E. */
  readonly z1: Vec; readonly a1: Vec; readonly z2: Vec; readonly a2: Vec; readonly errors: Vec; readonly E: number;
  /** ∂E/∂a⁽²⁾ = a⁽²⁾ − y, σ′(z⁽²⁾) = a(1 − a), δ⁽²⁾ = their product. */
  readonly dEda2: Vec; readonly dadz2: Vec; readonly delta2: Vec;
  /** ∂E/∂W⁽²⁾ = δ⁽²⁾(a⁽¹⁾)ᵀ and W⁽²⁾ after the update (the same in both orders). */
  readonly dW2: Mat; readonly W2Next: Mat;
  /** Wₖⱼ δₖ: what hidden unit j receives from output k (the post's ∂E_ok/∂out_hj), with the old W⁽²⁾. */
  readonly fromOutput: Mat;
  /** (W⁽²⁾)ᵀδ⁽²⁾ (∂E/∂out_h), σ′(z⁽¹⁾), δ⁽¹⁾, ∂E/∂W⁽¹⁾ = δ⁽¹⁾xᵀ and W⁽¹⁾ after the update: standard. */
  readonly back: Vec; readonly dadz1: Vec; readonly delta1: Vec; readonly dW1: Mat; readonly W1Next: Mat;
  /** E after the standard update. */
  readonly ENext: number;
  /** The same through the updated W⁽²⁾ (the wrong order): (W⁽²⁾⁺)ᵀδ⁽²⁾, δ⁽¹⁾, "∂E/∂W⁽¹⁾", W⁽¹⁾ after, E after. */
  readonly duringBack: Vec; readonly duringDelta1: Vec; readonly duringDW1: Mat; readonly duringW1Next: Mat; readonly duringENext: number;
  /** ∂E/∂W⁽¹⁾ by central differences at the start, and at the start's W⁽¹⁾ with the updated W⁽²⁾. */
  readonly numericDW1: Mat; readonly numericDW1AfterW2: Mat;
}

/** ∂E/∂W⁽¹⁾ of the network with weights W1 and W2 (given as matrices), by central differences (ε = 10⁻⁵). */
function numericDW1(p: MazurParams, W1: Matrix, W2: Matrix): Mat {
  const net = copyNetwork(mazurNetwork(p));
  net.layers[0]!.W.data.set(W1.data);
  net.layers[1]!.W.data.set(W2.data);
  const { X, Y } = mazurData(p);
  const E = () => halfSquaredErrorSum.value(forward(net, X).yHat, Y);
  const g = numericalGradient(E, net.layers[0]!.W.data, 1e-5);
  return [[g[0]!, g[1]!], [g[2]!, g[3]!]];
}

/** The first update of the example in both orders, by the engine (the standard one by the dense engine). */
export function mazurFirstUpdate(p: MazurParams = mazurDefaults): MazurFirstUpdate {
  const net = mazurNetwork(p);
  const { X, Y } = mazurData(p);
  const trace = forward(net, X);
  const grads = backward(net, trace, Y, halfSquaredErrorSum);
  const { next } = mazurStep(net, X, Y, p.alpha);
  const during = updateDuringStep(net, X, Y, p.alpha);
  const [h, o] = [trace.layers[0]!, trace.layers[1]!];
  const a2 = list(o.a), a1 = list(h.a);
  const delta2 = list(grads.layers[1]!.delta);
  const W2 = toRows(net.layers[1]!.W), W2Next = toRows(next.layers[1]!.W);
  // (Wᵀδ)ⱼ = Σₖ Wₖⱼ δₖ, through the weights before (standard) and after (wrong order) their update
  const backThrough = (W: Mat) => [0, 1].map((j) => W[0]![j]! * delta2[0]! + W[1]![j]! * delta2[1]!);
  const lossAfter = (n: typeof net) => halfSquaredErrorSum.value(forward(n, X).yHat, Y);
  return {
    z1: list(h.z), a1, z2: list(o.z), a2,
    errors: a2.map((a, k) => 0.5 * (p.y[k]! - a) ** 2), E: grads.loss,
    dEda2: list(grads.dLdyHat), dadz2: a2.map(sigmoidPrimeFromA), delta2,
    dW2: toRows(grads.layers[1]!.dW), W2Next,
    fromOutput: [0, 1].map((k) => [0, 1].map((j) => W2[k]![j]! * delta2[k]!)),
    back: backThrough(W2), dadz1: a1.map(sigmoidPrimeFromA), delta1: list(grads.layers[0]!.delta),
    dW1: toRows(grads.layers[0]!.dW), W1Next: toRows(next.layers[0]!.W), ENext: lossAfter(next),
    duringBack: backThrough(W2Next), duringDelta1: list(during.delta[0]!), duringDW1: toRows(during.dW[0]!),
    duringW1Next: toRows(during.next.layers[0]!.W), duringENext: lossAfter(during.next),
    numericDW1: numericDW1(p, net.layers[0]!.W, net.layers[1]!.W),
    numericDW1AfterW2: numericDW1(p, net.layers[0]!.W, next.layers[1]!.W),
  };
}

/** One row of the comparison: the figure, what each order gives there, and whether it agrees. */
export interface ComparisonRow {
  readonly figure: PublishedFigure;
  readonly standard: number;
  readonly updateDuring: number;
  readonly standardAgrees: Agreement;
  readonly updateDuringAgrees: Agreement;
}

/** The post's figures next to both orders; the 10 000-round figures after MAZUR_ROUNDS updates. */
export function compareWithPublished(p: MazurParams = mazurDefaults): {
  readonly rows: readonly ComparisonRow[];
  /** E of the standard order after one update fewer than the post's rounds. */
  readonly standardErrorOneShort: number;
} {
  const f = mazurFirstUpdate(p);
  const standard = mazurRun(p, 'standard'), during = mazurRun(p, 'updateDuring');
  const { X } = mazurData(p);
  const outputsAfter = (run: typeof standard) => list(forward(run.network(MAZUR_ROUNDS), X).yHat);
  const [sOut, dOut] = [outputsAfter(standard), outputsAfter(during)];
  const both = (v: number): [number, number] => [v, v];
  const values: Record<string, [number, number]> = {
    netH1: both(f.z1[0]!), outH1: both(f.a1[0]!), outH2: both(f.a1[1]!), netO1: both(f.z2[0]!),
    outO1: both(f.a2[0]!), outO2: both(f.a2[1]!), errO1: both(f.errors[0]!), errO2: both(f.errors[1]!), errTotal: both(f.E),
    dEdOutO1: both(f.dEda2[0]!), dOutdNetO1: both(f.dadz2[0]!), dEdW5: both(f.dW2[0]![0]!),
    w5: both(f.W2Next[0]![0]!), w6: both(f.W2Next[0]![1]!), w7: both(f.W2Next[1]![0]!), w8: both(f.W2Next[1]![1]!),
    dEdNetO1: both(f.delta2[0]!),
    // Hidden unit 1's share from each output, Wₖ₁δₖ: the wrong order takes it through the updated W⁽²⁾.
    dEo1dOutH1: [f.fromOutput[0]![0]!, f.W2Next[0]![0]! * f.delta2[0]!],
    dEo2dOutH1: [f.fromOutput[1]![0]!, f.W2Next[1]![0]! * f.delta2[1]!],
    dEdOutH1: [f.back[0]!, f.duringBack[0]!],
    dOutdNetH1: both(f.dadz1[0]!),
    dEdW1: [f.dW1[0]![0]!, f.duringDW1[0]![0]!],
    w1: [f.W1Next[0]![0]!, f.duringW1Next[0]![0]!], w2: [f.W1Next[0]![1]!, f.duringW1Next[0]![1]!],
    w3: [f.W1Next[1]![0]!, f.duringW1Next[1]![0]!], w4: [f.W1Next[1]![1]!, f.duringW1Next[1]![1]!],
    errAfterOne: [f.ENext, f.duringENext],
    errAfterMany: [standard.errors(MAZUR_ROUNDS)[MAZUR_ROUNDS]!, during.errors(MAZUR_ROUNDS)[MAZUR_ROUNDS]!],
    outO1AfterMany: [sOut[0]!, dOut[0]!], outO2AfterMany: [sOut[1]!, dOut[1]!],
  };
  const rows = mazurPublished.map((figure) => {
    const [s, d] = values[figure.key]!;
    return { figure, standard: s, updateDuring: d, standardAgrees: agreement(s, figure.text), updateDuringAgrees: agreement(d, figure.text) };
  });
  return { rows, standardErrorOneShort: standard.errors(MAZUR_ROUNDS - 1)[MAZUR_ROUNDS - 1]! };
}
