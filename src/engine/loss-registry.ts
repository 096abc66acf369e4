// Every built-in loss by name, for URL state and widgets that pick a loss from a menu.

import { HyperparameterError } from './errors.ts';
import type { Loss, LossName } from './losses.ts';
import { halfSquaredErrorMean, halfSquaredErrorSum, meanSquaredError } from './losses.ts';
import { binaryCrossEntropy, binaryCrossEntropyFromLogits, softmaxCrossEntropy } from './cross-entropy.ts';

/** The built-in losses keyed by name. */
export const losses: Readonly<Record<LossName, Loss>> = Object.freeze({
  halfSquaredErrorSum,
  halfSquaredErrorMean,
  meanSquaredError,
  binaryCrossEntropy,
  binaryCrossEntropyFromLogits,
  softmaxCrossEntropy,
});

/** A loss given by name or as an object. */
export type LossLike = LossName | Loss;

/** The Loss object for a name (objects pass through unchanged); unknown names throw. */
export function resolveLoss(loss: LossLike): Loss {
  if (typeof loss !== 'string') return loss;
  if (!Object.hasOwn(losses, loss)) {
    const known = Object.keys(losses).join(', ');
    throw new HyperparameterError(`unknown loss "${loss}": expected one of ${known}`, 'loss');
  }
  return losses[loss];
}
