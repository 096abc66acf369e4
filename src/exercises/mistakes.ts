// mistakes.ts — the common mistakes of backpropagation, named once so every chapter's feedback says them
// the same way: "that is the number you get if you <name>. <why>". Each exercise computes the number a
// mistake produces at its own values (the engine's numbers through a deliberately wrong formula) and
// names the equation of its chapter that avoids it.
import type { MistakeInfo, NumberMistake } from './define.ts';

const catalogue = {
  forgotSlope: { name: 'forget σ′(z)', why: 'The chain from the loss to z passes through a = σ(z), so the slope σ′(z) is one of its factors.' },
  a1aOnZ: { name: 'apply a(1 − a) to z', why: 'a(1 − a) is σ′ written with the output a = σ(z); given z, the slope is σ(z)(1 − σ(z)).' },
  sigmaForSlope: { name: 'use σ(z) where σ′(z) belongs', why: 'The factor is the slope of the sigmoid, σ′(z) = σ(z)(1 − σ(z)), not its value.' },
  slopeOfA: { name: 'give σ′ the output a instead of z', why: 'σ′(z) from the output is a(1 − a); the formula that expects z, σ(z)(1 − σ(z)), must not be given a.' },
  forgotOneMinus: { name: 'forget the factor (1 − σ(z))', why: 'The quotient rule leaves two factors: σ(z) and 1 − σ(z).' },
  sign: { name: 'flip the sign', why: 'From L = ½(y − a)², ∂L/∂a = a − y (not y − a).' },
  uphill: { name: 'move with the gradient instead of against it', why: 'Gradient descent subtracts: θ ← θ − α·∂L/∂θ.' },
  forgotX: { name: 'forget the input x', why: 'z = wx + b, so ∂z/∂w = x is the last factor of ∂L/∂w.' },
  extraX: { name: 'multiply by x where no x belongs', why: 'z = wx + b, so ∂z/∂b = 1: the bias’s gradient is δ itself.' },
  factor2: { name: 'drop the ½ of the loss (a factor 2 too many)', why: 'L = ½(y − a)² is chosen so that its derivative is a − y: the ½ cancels the 2.' },
  forgotAlpha: { name: 'forget the learning rate α', why: 'The step is α times the gradient, not the gradient itself.' },
  forgotWeight: { name: 'forget the weight that carries δ back', why: 'The hidden neuron reaches the loss through the weight w⁽²⁾ of the layer above.' },
  wrongLayerSlope: { name: 'use the output layer’s slope σ′(z⁽²⁾) for the hidden layer', why: 'Each layer’s delta takes the slope of its own activation: σ′(z⁽¹⁾) for layer 1.' },
  hiddenForInput: { name: 'use the hidden output a⁽¹⁾ where the input x belongs', why: 'The weight of layer 1 multiplies x, so ∂z⁽¹⁾/∂w⁽¹⁾ = x.' },
  onePath: { name: 'follow only one of the two paths', why: 'x reaches the loss along both hidden neurons, and the chain rule adds the paths.' },
  otherWeight: { name: 'take the other hidden neuron’s weight', why: 'Hidden neuron j reaches the output through its own weight W⁽²⁾ⱼ.' },
  transpose: { name: 'use the wrong weight matrix (a missing transpose)', why: 'δ⁽¹⁾ comes back through (W⁽²⁾)ᵀ, the weights of the layer above, not W⁽¹⁾.' },
  outgoingWeights: { name: 'use the outgoing weights W⁽²⁾ instead of W⁽¹⁾', why: '∂L/∂x = (W⁽¹⁾)ᵀδ⁽¹⁾: x enters through the first layer’s weights.' },
  meanForSum: { name: 'average over the batch instead of summing', why: 'The book’s loss sums ½(y − ŷ)² over the samples, so the gradients sum too (no 1/N).' },
  oneSample: { name: 'take one sample instead of the whole batch', why: 'The batch gradient is the sum of every sample’s gradient.' },
  inputForHidden: { name: 'use the input x where the hidden output a⁽¹⁾ belongs', why: 'The output weights multiply the hidden outputs: ∂z⁽²⁾/∂W⁽²⁾ = a⁽¹⁾.' },
  updatedWeight: { name: 'use the already-updated weight', why: 'Every gradient of a step is computed with the weights before the step.' },
  oldLoss: { name: 'keep the loss from before the step', why: 'The new loss needs a new forward pass with the new w and b.' },
  onlyW: { name: 'update w but not b', why: 'One step updates every parameter: b moves by −α·δ too.' },
  fraction: { name: 'give the fraction instead of the percentage', why: 'A percentage is the fraction times 100.' },
  oneSided: { name: 'take the one-sided difference (f(x + h) − f(x))/h', why: 'The central difference steps both ways, (f(x + h) − f(x − h))/2h, so its error shrinks like h², not like h.' },
  halfStep: { name: 'divide by h instead of 2h', why: 'f(x + h) and f(x − h) are 2h apart, so their difference is divided by 2h.' },
  absoluteError: { name: 'take the absolute difference |g − ĝ| as the error', why: 'Gradients come in every size, so the relative error divides |g − ĝ| by the larger of |g| and |ĝ|.' },
  minDenominator: { name: 'divide by the smaller of |g| and |ĝ|', why: 'The relative error divides by the larger of the two, max(|g|, |ĝ|), so it never exceeds 1.' },
  tanhOnZ: { name: 'apply 1 − a² to x', why: '1 − a² is tanh′ written with the output a = tanh(x); given x, the slope is 1 − tanh²(x).' },
  sigmoidSlopeForTanh: { name: 'use the sigmoid’s slope a(1 − a) for tanh', why: 'Each activation has its own slope: σ′ = a(1 − a), but tanh′ = 1 − a² with a = tanh(x).' },
  lastBatch: { name: 'leave out the last, smaller batch', why: 'When B does not divide N, the samples left over form one more batch of their own: ⌈N/B⌉ updates per epoch, the last with fewer samples.' },
  countSamples: { name: 'count samples instead of updates', why: 'A mini-batch run makes one update per batch of B samples, not one per sample.' },
  sameAlpha: { name: 'keep the same α for the mean loss', why: 'The mean loss’s gradient is the sum’s divided by |𝓑|, so the same α takes steps |𝓑| times shorter.' },
  inverseConvention: { name: 'divide α by the batch size instead of multiplying', why: 'The mean already divides the gradient by |𝓑|; α must be |𝓑| times larger to make up for it.' },
  samplesForBatch: { name: 'use the data set’s size N where the batch size belongs', why: 'The mean is taken over each batch, so the factor is |𝓑|, the samples of one update.' },
  noCorrection: { name: 'forget the finite-population factor (N − B)/(N − 1)', why: 'The batch holds distinct samples drawn without replacement, so its spread shrinks by (N − B)/(N − 1) and is 0 at B = N.' },
  rootB: { name: 'divide by √B where B belongs', why: 'The squared spread falls as 1/B; only its square root, the spread itself, falls as 1/√B.' },
  sumForMean: { name: 'sum over the batch where the mean loss averages', why: 'The mean loss divides by N, and so does its gradient: a step on it is a step on the sum with α/N.' },
  staleWeights: { name: 'compute the later sample with the weights from before the first step', why: 'Per-sample SGD runs each sample with the weights the previous step left.' },
  deltaIntoInput: { name: 'send a delta back into the input too', why: 'No delta is needed below layer 1: (W⁽ˡ⁾)ᵀδ⁽ˡ⁾ runs from l = 2, so the first layer’s weights are used once, in δ⁽¹⁾xᵀ.' },
  onlyGradProducts: { name: 'count only the gradients’ products δ(a)ᵀ', why: 'The backward pass also sends every delta down through (W⁽ˡ⁾)ᵀ, once per weight of layers 2 to L and per sample.' },
  missingTwo: { name: 'keep the book’s slope ŷ − y without the ½ (a factor 2 too few)', why: 'Without the ½ nothing cancels the 2 of the square: ∂/∂ŷ (y − ŷ)² = −2(y − ŷ).' },
} as const satisfies Record<string, { name: string; why: string }>;

export type MistakeKind = keyof typeof catalogue;

/** The mistake `kind`, answered by the chapter's equation `eq`. */
export function info(kind: MistakeKind, eq: string): MistakeInfo {
  return { id: kind, ...catalogue[kind], eq };
}

/** The mistake `kind` with the number it produces at this exercise's values. */
export function miss(kind: MistakeKind, eq: string, value: number): NumberMistake {
  return { ...info(kind, eq), value };
}
