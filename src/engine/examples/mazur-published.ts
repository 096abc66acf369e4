// The figures that Matt Mazur's "A Step by Step Backpropagation Example" (2015) publishes for its 2-2-2
// network, QUOTED as printed there (nine decimals, a trailing zero where the post has one), and how to
// compare a computed value with a printed figure at the digits printed (general-formulation).
// They are a source's numbers, not the engine's: the chapter prints them as quotations beside the
// engine's (src/engine/examples/inputs.ts declares them), and mazur-recomputed.ts says which order
// of the update reproduces each.

/** Where in the post a figure stands. */
export type PublishedGroup = 'forward' | 'outputLayer' | 'hiddenLayer' | 'afterOne' | 'afterMany';

/** One figure of the post: its name there, its text exactly as printed, and where it stands. */
export interface PublishedFigure {
  readonly key: string;
  /** The post's notation, as plain text: "out_h1", "∂E_total/∂w5", "w5⁺". */
  readonly post: string;
  readonly text: string;
  readonly group: PublishedGroup;
}

/** The number of updates the post's last figures are quoted "after" (its "10,000 times"). */
export const MAZUR_ROUNDS = 10_000;

/** The post's figures, quoted as printed (M. Mazur, "A Step by Step Backpropagation Example", 2015). */
export const mazurPublished: readonly PublishedFigure[] = Object.freeze([
  { key: 'netH1', post: 'net_h1', text: '0.3775', group: 'forward' },
  { key: 'outH1', post: 'out_h1', text: '0.593269992', group: 'forward' },
  { key: 'outH2', post: 'out_h2', text: '0.596884378', group: 'forward' },
  { key: 'netO1', post: 'net_o1', text: '1.105905967', group: 'forward' },
  { key: 'outO1', post: 'out_o1', text: '0.75136507', group: 'forward' },
  { key: 'outO2', post: 'out_o2', text: '0.772928465', group: 'forward' },
  { key: 'errO1', post: 'E_o1', text: '0.274811083', group: 'forward' },
  { key: 'errO2', post: 'E_o2', text: '0.023560026', group: 'forward' },
  { key: 'errTotal', post: 'E_total', text: '0.298371109', group: 'forward' },
  { key: 'dEdOutO1', post: '∂E_total/∂out_o1', text: '0.74136507', group: 'outputLayer' },
  { key: 'dOutdNetO1', post: '∂out_o1/∂net_o1', text: '0.186815602', group: 'outputLayer' },
  { key: 'dEdW5', post: '∂E_total/∂w5', text: '0.082167041', group: 'outputLayer' },
  { key: 'w5', post: 'w5⁺', text: '0.35891648', group: 'outputLayer' },
  { key: 'w6', post: 'w6⁺', text: '0.408666186', group: 'outputLayer' },
  { key: 'w7', post: 'w7⁺', text: '0.511301270', group: 'outputLayer' },
  { key: 'w8', post: 'w8⁺', text: '0.561370121', group: 'outputLayer' },
  { key: 'dEdNetO1', post: '∂E_o1/∂net_o1', text: '0.138498562', group: 'hiddenLayer' },
  { key: 'dEo1dOutH1', post: '∂E_o1/∂out_h1', text: '0.055399425', group: 'hiddenLayer' },
  { key: 'dEo2dOutH1', post: '∂E_o2/∂out_h1', text: '−0.019049119', group: 'hiddenLayer' },
  { key: 'dEdOutH1', post: '∂E_total/∂out_h1', text: '0.036350306', group: 'hiddenLayer' },
  { key: 'dOutdNetH1', post: '∂out_h1/∂net_h1', text: '0.241300709', group: 'hiddenLayer' },
  { key: 'dEdW1', post: '∂E_total/∂w1', text: '0.000438568', group: 'hiddenLayer' },
  { key: 'w1', post: 'w1⁺', text: '0.149780716', group: 'hiddenLayer' },
  { key: 'w2', post: 'w2⁺', text: '0.19956143', group: 'hiddenLayer' },
  { key: 'w3', post: 'w3⁺', text: '0.24975114', group: 'hiddenLayer' },
  { key: 'w4', post: 'w4⁺', text: '0.29950229', group: 'hiddenLayer' },
  { key: 'errAfterOne', post: 'E_total after the first round', text: '0.291027924', group: 'afterOne' },
  { key: 'errAfterMany', post: 'E_total after 10,000 rounds', text: '0.0000351085', group: 'afterMany' },
  { key: 'outO1AfterMany', post: 'out_o1 after 10,000 rounds', text: '0.015912196', group: 'afterMany' },
  { key: 'outO2AfterMany', post: 'out_o2 after 10,000 rounds', text: '0.984065734', group: 'afterMany' },
].map((f) => Object.freeze(f as PublishedFigure)));

/** A printed figure as a number (the post's minus sign read as one). */
export function publishedValue(text: string): number {
  return Number(text.replace('−', '-'));
}

/** Decimals printed after the point: '0.75136507' → 8. */
export function printedDecimals(text: string): number {
  return text.split('.')[1]?.length ?? 0;
}

/** Significant digits printed: '0.000438568' → 6, '1.105905967' → 10. */
export function printedDigits(text: string): number {
  return text.replace(/^[−-]/, '').replace('.', '').replace(/^0+/, '').length;
}

/**
 * How a computed value compares with a printed figure at the digits printed: 'agrees' when it rounds
 * to the figure, 'lastDigit' when it rounds one unit of the last printed digit away, else 'differs'.
 */
export type Agreement = 'agrees' | 'lastDigit' | 'differs';

export function agreement(value: number, text: string): Agreement {
  const scale = 10 ** printedDecimals(text);
  const units = Math.abs(Math.round(value * scale) - Math.round(publishedValue(text) * scale));
  return units === 0 ? 'agrees' : units === 1 ? 'lastDigit' : 'differs';
}
