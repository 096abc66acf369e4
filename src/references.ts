// references.ts — the sources of the book: the classic papers and books on backpropagation and the worked
// examples and tutorials the chapters quote, for the /references/ page (src/pages/references.astro).
// `usedIn` names the chapters (slugs) that quote or follow the source, exactly as they name it.

/** One source. `url` is its stable address (a DOI where there is one); omitted when there is none. */
export interface Reference {
  id: string;
  authors: string;
  year: string;
  title: string;
  /** Journal, book, publisher or kind of work. */
  where: string;
  url?: string;
  /** What the book takes from it, in a sentence. */
  note: string;
  usedIn: string[];
}

/** The classic sources on backpropagation, oldest first. */
export const classics: Reference[] = [
  { id: 'werbos-1974', authors: 'Paul J. Werbos', year: '1974', title: 'Beyond Regression: New Tools for Prediction and Analysis in the Behavioral Sciences',
    where: 'PhD thesis, Harvard University', note: 'The first description of reverse-mode differentiation for training networks: the backward pass, a decade before it became widely known.', usedIn: [] },
  { id: 'rumelhart-1986', authors: 'David E. Rumelhart, Geoffrey E. Hinton and Ronald J. Williams', year: '1986', title: 'Learning representations by back-propagating errors',
    where: 'Nature 323, pages 533–536', url: 'https://doi.org/10.1038/323533a0', note: 'The paper that made backpropagation the way to train networks with hidden units: the deltas, the weight update and the hidden layers learning features of their own.', usedIn: [] },
  { id: 'lecun-1998', authors: 'Yann LeCun, Léon Bottou, Genevieve B. Orr and Klaus-Robert Müller', year: '1998', title: 'Efficient BackProp',
    where: 'In Neural Networks: Tricks of the Trade, Springer', url: 'https://doi.org/10.1007/3-540-49430-8_2', note: 'The practice of training by backpropagation: stochastic against batch learning, shuffling, normalised inputs, the choice of the activation and of the learning rate.', usedIn: [] },
  { id: 'nielsen-2015', authors: 'Michael A. Nielsen', year: '2015', title: 'Neural Networks and Deep Learning, chapter 2: How the backpropagation algorithm works',
    where: 'Determination Press (online book)', url: 'http://neuralnetworksanddeeplearning.com/chap2.html', note: 'The four fundamental equations of backpropagation with their proofs; the general-formulation chapter writes the same four equations in the book’s notation.', usedIn: [] },
  { id: 'goodfellow-2016', authors: 'Ian Goodfellow, Yoshua Bengio and Aaron Courville', year: '2016', title: 'Deep Learning, chapter 6 (Deep Feedforward Networks), section “Back-Propagation and Other Differentiation Algorithms”',
    where: 'MIT Press', url: 'https://www.deeplearningbook.org/contents/mlp.html', note: 'Backpropagation as reverse-mode differentiation on a computational graph, and what it costs.', usedIn: [] },
];

/** The worked examples, code and tutorials the chapters quote or follow. */
export const quoted: Reference[] = [
  { id: 'mazur-2015', authors: 'Matt Mazur', year: '2015', title: 'A Step by Step Backpropagation Example',
    where: 'Blog post', url: 'https://mattmazur.com/2015/03/17/a-step-by-step-backpropagation-example/', note: 'Its 2-2-2 network, weights and published figures; the chapter recomputes every figure with the engine in both orders of the update and shows which order produced which figure.', usedIn: ['general-formulation'] },
  { id: 'karpathy-micrograd', authors: 'Andrej Karpathy', year: '2020', title: 'micrograd',
    where: 'A tiny autograd engine (source code)', url: 'https://github.com/karpathy/micrograd', note: 'The style of the book’s small autograd engine, which builds the computational graph of the chain-rule chapter.', usedIn: ['chain-rule'] },
  { id: 'karpathy-lecture', authors: 'Andrej Karpathy', year: '2022', title: 'The spelled-out intro to neural networks and backpropagation: building micrograd',
    where: 'Video lecture', url: 'https://www.youtube.com/watch?v=VMj-3S1tku0', note: 'The bug of a gradient overwritten instead of added (b = a + a), met on camera and fixed with +=; the neurons-in-parallel chapter runs it.', usedIn: ['neurons-in-parallel'] },
  { id: 'numpy-xor', authors: 'Many authors', year: '', title: 'The numpy XOR tutorial',
    where: 'A program copied across many tutorials and lecture notes, in its usual form', note: 'A 2-2-1 sigmoid network trained on XOR with a summed squared error, one sample per row. The training-xor chapter quotes it and runs it line by line; the book names no single copy, since there are many.', usedIn: ['training-xor', 'mini-batches'] },
  { id: 'wiki-source', authors: 'Not named by the book', year: '', title: 'A wiki-style source on backpropagation',
    where: 'As the pitfalls chapter quotes it', note: 'It prints a wrong derivative of the sigmoid; the pitfalls chapter checks it by central differences and shows where it fails.', usedIn: ['pitfalls'] },
];

/** Every external address the references page links to (for the link gate's allow-list). */
export const referenceUrls: string[] = [...classics, ...quoted].flatMap((r) => (r.url ? [r.url] : []));
