// oracle.ts — the chapters' closed forms, written from the formulas in the text and nothing else.
// The browser tests compare every number on a page with these. Deliberately independent of
// src/engine: an engine bug must not be able to hide by also being in the expected values.

export const sigma = (z: number): number => 1 / (1 + Math.exp(-z));
/** σ'(z) from the quotient form e^(−z)/(1 + e^(−z))², not from a(1 − a), to differ from the engine's path. */
export const sigmaPrime = (z: number): number => Math.exp(-z) / (1 + Math.exp(-z)) ** 2;

export interface NeuronInputs { x: number; w: number; b: number; y: number; alpha: number }

/** The running example's inputs, as the chapters state them. */
export const RUNNING: NeuronInputs = { x: 0.5, w: 0.3, b: 0.1, y: 1.5, alpha: 0.1 };

/** One neuron, one gradient-descent step: every quantity of chapters 1–3 and 5. */
export function neuron({ x, w, b, y, alpha }: NeuronInputs) {
  const z = w * x + b;
  const a = sigma(z);
  const dadz = sigmaPrime(z);
  const dLda = a - y;                // ∂/∂a of ½(y − a)²
  const delta = dLda * dadz;         // δ = (a − y)σ'(z)
  const dLdw = delta * x;
  const dLdb = delta;
  const loss = 0.5 * (y - a) ** 2;
  const wNext = w - alpha * dLdw;
  const bNext = b - alpha * dLdb;
  const zNext = wNext * x + bNext;
  const aNext = sigma(zNext);
  const lossNext = 0.5 * (y - aNext) ** 2;
  return { x, w, b, y, alpha, z, a, dadz, dLda, delta, dLdw, dLdb, loss, wNext, bNext, zNext, aNext, lossNext };
}
