// glossary.ts — the book's terms: what each means in one or two sentences and where the book introduces it.
// Read by the /glossary/ page (src/pages/glossary.astro) and by the rehype plugin that links each term on its
// first use in every chapter (src/markdown/glossary-links.ts). Adding a term: one entry below; its
// `introduced` anchor must be a heading id on that chapter's page (the glossary page fails the build if not).

/** One term of the glossary. */
export interface GlossaryTerm {
  /** The entry's id on /glossary/ (#id) and in tooltip ids: lowercase letters, digits and dashes. */
  id: string;
  /** The term as the glossary lists it. */
  name: string;
  /** Other spellings found in the prose (matched case-insensitively, plurals in -s/-es included). */
  aliases: string[];
  /** One or two sentences, plain text (it is also the hover definition). No decimals: none is typed. */
  definition: string;
  /** Where the book introduces the term: the chapter's slug and a heading id on its page. */
  introduced: { chapter: string; anchor: string };
}

const at = (chapter: string, anchor: string) => ({ chapter, anchor });

/** The terms, in no particular order (the page sorts them). */
export const glossary: GlossaryTerm[] = [
  { id: 'activation', name: 'activation', aliases: ['activation value'], introduced: at('sigmoid-derivative', 'one-neuron-one-number'),
    definition: 'A neuron’s output, a = σ(z): its activation function applied to its pre-activation. For the output neuron the book also writes ŷ.' },
  { id: 'pre-activation', name: 'pre-activation', aliases: ['pre-activation z'], introduced: at('sigmoid-derivative', 'one-neuron-one-number'),
    definition: 'A neuron’s weighted sum of its inputs plus its bias, z = wx + b, before the activation function is applied.' },
  { id: 'weight', name: 'weight', aliases: [], introduced: at('sigmoid-derivative', 'one-neuron-one-number'),
    definition: 'A parameter that multiplies an input on its way into a neuron: w for one neuron, the entries of the matrix W for a layer. Training changes the weights.' },
  { id: 'bias', name: 'bias', aliases: ['biases'], introduced: at('sigmoid-derivative', 'one-neuron-one-number'),
    definition: 'A parameter added to a neuron’s weighted sum, b: the weight of an input that is always 1, so its gradient is the neuron’s delta itself.' },
  { id: 'sigmoid', name: 'sigmoid', aliases: ['logistic function'], introduced: at('sigmoid-derivative', 'one-neuron-one-number'),
    definition: 'The activation σ(z) = 1/(1 + e^(−z)). It squashes any real number into the open interval (0, 1).' },
  { id: 'sigmoid-derivative', name: 'sigmoid derivative, σ′', aliases: ['sigmoid derivative', 'sigmoid’s derivative', 'derivative of the sigmoid', 'σ′'], introduced: at('sigmoid-derivative', 'why-we-need-the-slope'),
    definition: 'The sigmoid’s slope, σ′(z) = σ(z)(1 − σ(z)), written a(1 − a) from the output a. It is at most one quarter, at z = 0.' },
  { id: 'running-example', name: 'running example', aliases: [], introduced: at('sigmoid-derivative', 'one-neuron-one-number'),
    definition: 'The one neuron the book follows through every chapter, with the input, weight, bias, target and learning rate stated in chapter 1; every number is computed from them.' },
  { id: 'loss', name: 'loss', aliases: ['loss function', 'cost function'], introduced: at('chain-rule', 'the-question'),
    definition: 'One number L that says how far the outputs are from the targets; training lowers it. The book’s is the half squared error.' },
  { id: 'chain-rule', name: 'chain rule', aliases: [], introduced: at('chain-rule', 'the-question'),
    definition: 'The derivative of a function of a function is the product of the derivatives along the way, as in ∂L/∂w = ∂L/∂a · ∂a/∂z · ∂z/∂w.' },
  { id: 'multivariable-chain-rule', name: 'multivariable chain rule', aliases: ['chain rule as a sum over paths'], introduced: at('neurons-in-parallel', 'the-chain-rule-as-a-sum-over-paths'),
    definition: 'When a quantity reaches the loss along several paths, its derivative is the sum over the paths of each path’s product of derivatives.' },
  { id: 'computational-graph', name: 'computational graph', aliases: [], introduced: at('chain-rule', 'the-computational-graph'),
    definition: 'A computation drawn as nodes (values and operations) joined by edges; backpropagation walks it from the loss back to every parameter.' },
  { id: 'forward-pass', name: 'forward pass', aliases: ['forward propagation'], introduced: at('chain-rule', 'the-computational-graph'),
    definition: 'Computing every value from the inputs to the loss, in order, keeping what the backward pass will need (each z and a).' },
  { id: 'backward-pass', name: 'backward pass', aliases: ['backward propagation'], introduced: at('chain-rule', 'the-computational-graph'),
    definition: 'Computing the derivatives of the loss from the output back to the inputs, each from the one after it by the chain rule: backpropagation itself.' },
  { id: 'saturation', name: 'saturation', aliases: ['saturated', 'saturates'], introduced: at('chain-rule', 'why-a-confident-neuron-learns-slowly'),
    definition: 'A sigmoid far from z = 0 is flat: σ′(z) is close to zero, so almost no gradient passes, however wrong the neuron is.' },
  { id: 'delta', name: 'delta, δ', aliases: ['delta', 'deltas'], introduced: at('output-delta', 'one-number-per-neuron'),
    definition: 'A neuron’s δ = ∂L/∂z, how the loss changes with its pre-activation. Each of its weights’ gradients is δ times the value that enters through that weight.' },
  { id: 'output-delta', name: 'output delta', aliases: [], introduced: at('output-delta', 'deriving-the-output-delta'),
    definition: 'The delta of an output neuron. Under the half squared error it is δ = (a − y)σ′(z): the error times the sigmoid’s slope.' },
  { id: 'hidden-delta', name: 'hidden delta', aliases: [], introduced: at('hidden-delta', 'the-hidden-delta-one-factor-at-a-time'),
    definition: 'The delta of a hidden neuron: the next layer’s deltas, each weighted by the weight that joins them, summed and multiplied by the neuron’s own σ′(z).' },
  { id: 'vanishing-gradient', name: 'vanishing gradient', aliases: ['vanishing gradients'], introduced: at('hidden-delta', 'why-δ-shrinks-on-its-way-back'),
    definition: 'Deltas shrink layer by layer on their way back, since each sigmoid layer multiplies them by σ′ of at most one quarter, so the first layers of a deep network barely learn.' },
  { id: 'exploding-gradient', name: 'exploding gradient', aliases: ['exploding gradients'], introduced: at('hidden-delta', 'why-δ-shrinks-on-its-way-back'),
    definition: 'The opposite of a vanishing gradient: with large weights each layer multiplies the deltas by more than one, so they grow without bound over many layers.' },
  { id: 'relu', name: 'ReLU', aliases: ['rectified linear unit', 'ReLUs'], introduced: at('pitfalls', 'when-every-derivative-is-right-vanishing-exploding-and-dead-gradients'),
    definition: 'The activation max(0, z). Its derivative is 1 where z > 0 and 0 where z < 0.' },
  { id: 'dead-relu', name: 'dead ReLU', aliases: ['dead ReLUs', 'dying ReLU'], introduced: at('pitfalls', 'when-every-derivative-is-right-vanishing-exploding-and-dead-gradients'),
    definition: 'A ReLU unit whose pre-activation is negative for every sample: it passes no delta back, so its weights never change again.' },
  { id: 'gradient', name: 'gradient', aliases: ['gradient vector'], introduced: at('weight-update', 'why-minus-the-gradient'),
    definition: 'The vector ∇L of the loss’s partial derivatives, one per parameter. It points where the loss rises fastest.' },
  { id: 'gradient-descent', name: 'gradient descent', aliases: [], introduced: at('weight-update', 'the-rule-step-against-the-gradient'),
    definition: 'Training by repeated small steps against the gradient: every parameter moves by minus the learning rate times its derivative, w ← w − α ∂L/∂w.' },
  { id: 'learning-rate', name: 'learning rate, α', aliases: ['learning rate', 'step size'], introduced: at('weight-update', 'the-rule-step-against-the-gradient'),
    definition: 'The factor α that sets the size of each gradient-descent step: too small and training crawls, too large and it overshoots.' },
  { id: 'batch', name: 'batch', aliases: ['full batch', 'full-batch'], introduced: at('weight-update', 'every-weight-of-a-layer-at-once'),
    definition: 'The samples whose losses make one step’s loss. In the book the batch loss is their sum, so its gradient is the sum of the samples’ gradients.' },
  { id: 'mini-batch', name: 'mini-batch', aliases: ['minibatch'], introduced: at('mini-batches', 'one-rule-three-batch-sizes'),
    definition: 'A part of the training set used for one update: several samples, but not all. Between the full batch and one sample at a time.' },
  { id: 'epoch', name: 'epoch', aliases: [], introduced: at('loss-and-batches', 'per-sample-sgd'),
    definition: 'One pass over the training data, in which every sample is used once, in one update or in many.' },
  { id: 'sgd', name: 'SGD (stochastic gradient descent)', aliases: ['SGD', 'stochastic gradient descent'], introduced: at('loss-and-batches', 'per-sample-sgd'),
    definition: 'Gradient descent that updates the parameters after each sample (or each mini-batch), usually in a shuffled order, instead of once per pass.' },
  { id: 'half-squared-error', name: 'half squared error', aliases: ['squared error', 'half the squared error'], introduced: at('loss-and-batches', 'the-loss-written-out'),
    definition: 'The book’s loss, L = ½(a − y)², summed over outputs and samples. The ½ cancels the 2 of the derivative, so ∂L/∂a = a − y.' },
  { id: 'cross-entropy', name: 'cross-entropy', aliases: ['binary cross-entropy', 'cross entropy'], introduced: at('loss-and-batches', 'cross-entropy'),
    definition: 'The loss −[y ln a + (1 − y) ln(1 − a)] for targets between 0 and 1. With a sigmoid output its delta is a − y: the σ′(z) cancels.' },
  { id: 'dot-product', name: 'dot product', aliases: ['inner product'], introduced: at('hidden-delta', 'many-units-the-vector-form'),
    definition: 'The sum of the products of two vectors’ entries: a weighted sum, as a neuron computes.' },
  { id: 'transpose', name: 'transpose', aliases: ['transposed'], introduced: at('hidden-delta', 'many-units-the-vector-form'),
    definition: 'A matrix with its rows and columns swapped, Wᵀ. The backward pass uses it to send the deltas back along the same weights.' },
  { id: 'outer-product', name: 'outer product', aliases: [], introduced: at('hidden-delta', 'many-units-the-vector-form'),
    definition: 'A column times a row, uvᵀ: a matrix of every product of their entries. A layer’s weight gradient is the outer product of its deltas and its inputs.' },
  { id: 'element-wise-product', name: 'element-wise product, ⊙', aliases: ['element-wise product', 'elementwise product', 'Hadamard product'], introduced: at('hidden-delta', 'many-units-the-vector-form'),
    definition: 'Two vectors of the same length multiplied entry by entry, (u ⊙ v)ⱼ = uⱼvⱼ; in the hidden delta it applies each unit’s own σ′.' },
  { id: 'gradient-check', name: 'gradient check', aliases: ['gradient checking'], introduced: at('pitfalls', 'trust-but-check'),
    definition: 'Testing a backward pass by comparing each derivative it computes with a finite-difference estimate of the same derivative.' },
  { id: 'one-sided-difference', name: 'one-sided difference', aliases: ['forward difference'], introduced: at('pitfalls', 'central-differences'),
    definition: 'The estimate (f(x + h) − f(x))/h of a derivative. Its error shrinks only like h.' },
  { id: 'central-difference', name: 'central difference', aliases: [], introduced: at('pitfalls', 'central-differences'),
    definition: 'The estimate (f(x + h) − f(x − h))/(2h) of a derivative. Its error shrinks like h², which makes it the one to check gradients with.' },
  { id: 'relative-error', name: 'relative error', aliases: [], introduced: at('pitfalls', 'the-relative-error-and-what-it-means'),
    definition: 'The difference between two derivatives divided by their size, so that one threshold says right or wrong for large and small gradients alike.' },
];

/** The terms sorted for the glossary page (alphabetically, ignoring case). */
export function glossaryInOrder(): GlossaryTerm[] {
  return [...glossary].sort((p, q) => p.name.localeCompare(q.name, 'en', { sensitivity: 'base' }));
}
