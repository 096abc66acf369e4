// symbols.ts — the book's symbol for each named quantity, in TeX, so that "σ′(z) = 0.235" is printed
// from ONE name by <Q> (components/prose/Q.astro): the symbol and the value cannot come apart.
// Names are the engine's (src/engine/examples), used unchanged by models, prose and tests.
// Add a name here when prose first needs it as "symbol = value".

export const symbols: Readonly<Record<string, string>> = {
  // the running example's inputs
  x: 'x', w: 'w', b: 'b', y: 'y', alpha: '\\alpha',
  // one neuron, forward
  z: 'z', a: 'a', yHat: '\\hat y', loss: 'L', oneMinusA: '1 - a',
  // the sigmoid at points the first chapter names: σ(5), σ′(0), σ′(2), σ′(5)
  aAt5: '\\sigma(5)', slopeAt0: "\\sigma'(0)", slopeAt2: "\\sigma'(2)", slopeAt5: "\\sigma'(5)",
  // one neuron, backward
  dadz: "\\sigma'(z)", dLda: '\\partial L/\\partial a', delta: '\\delta', dLdw: '\\partial L/\\partial w', dLdb: '\\partial L/\\partial b',
  // one step
  wNext: 'w_{\\text{new}}', bNext: 'b_{\\text{new}}', zNext: 'z_{\\text{new}}', aNext: '\\hat y_{\\text{new}}', lossNext: 'L_{\\text{new}}',
  lossChange: '\\Delta L', zChange: '\\Delta z', predictedChange: '-\\alpha\\lVert\\nabla L\\rVert^2',
  // the weight update near the optimum of a reachable target (chapter 5)
  xSqPlus1: 'x^2 + 1',
  // two neurons in a row
  w1: 'w^{(1)}', b1: 'b^{(1)}', w2: 'w^{(2)}', b2: 'b^{(2)}',
  z1: 'z^{(1)}', a1: 'a^{(1)}', z2: 'z^{(2)}', a2: 'a^{(2)}',
  dadz1: "\\sigma'(z^{(1)})", dadz2: "\\sigma'(z^{(2)})", dLda1: '\\partial L/\\partial a^{(1)}', dLda2: '\\partial L/\\partial a^{(2)}',
  delta1: '\\delta^{(1)}', delta2: '\\delta^{(2)}',
  dLdw1: '\\partial L/\\partial w^{(1)}', dLdb1: '\\partial L/\\partial b^{(1)}', dLdw2: '\\partial L/\\partial w^{(2)}', dLdb2: '\\partial L/\\partial b^{(2)}',
  // the hidden delta (chapter 4): the sigmoid's largest slope, and ten steps back at that slope
  maxSlope: "\\sigma'(0)", tenLayers: '\\left(\\tfrac14\\right)^{10}',
  // two neurons in parallel (chapter 7): hidden unit j's quantities end in j (w1j is W⁽¹⁾ⱼ, w2j is W⁽²⁾ⱼ)
  w11: 'W^{(1)}_1', b11: 'b^{(1)}_1', w12: 'W^{(1)}_2', b12: 'b^{(1)}_2', w21: 'W^{(2)}_1', w22: 'W^{(2)}_2',
  z11: 'z^{(1)}_1', a11: 'a^{(1)}_1', z12: 'z^{(1)}_2', a12: 'a^{(1)}_2',
  dadz11: "\\sigma'(z^{(1)}_1)", dadz12: "\\sigma'(z^{(1)}_2)", dLda11: '\\partial L/\\partial a^{(1)}_1', dLda12: '\\partial L/\\partial a^{(1)}_2',
  delta11: '\\delta^{(1)}_1', delta12: '\\delta^{(1)}_2',
  dLdw11: '\\partial L/\\partial W^{(1)}_1', dLdb11: '\\partial L/\\partial b^{(1)}_1', dLdw12: '\\partial L/\\partial W^{(1)}_2', dLdb12: '\\partial L/\\partial b^{(1)}_2',
  dLdw21: '\\partial L/\\partial W^{(2)}_1', dLdw22: '\\partial L/\\partial W^{(2)}_2',
  dLdx: '\\partial L/\\partial x', dLdxPath1: 'W^{(1)}_1\\delta^{(1)}_1', dLdxPath2: 'W^{(1)}_2\\delta^{(1)}_2',
};

/** The TeX symbol of a named quantity; a name without one fails the build, naming the file to edit. */
export function symbolOf(name: string): string {
  const s = Object.hasOwn(symbols, name) ? symbols[name] : undefined;
  if (s === undefined) throw new Error(`no symbol for the quantity "${name}": add it to src/format/symbols.ts`);
  return s;
}
