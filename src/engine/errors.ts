// Typed errors: bad input must never turn into a silent NaN (every check is in validate.ts).

/** Base class of every error the engine throws on purpose; widgets catch it and show `message`. */
export class EngineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineError';
  }
}

/** A matrix or vector has the wrong shape; `expected` and `actual` are shapes such as "3×2". */
export class ShapeError extends EngineError {
  readonly expected: string;
  readonly actual: string;

  constructor(message: string, expected: string, actual: string) {
    super(message);
    this.name = 'ShapeError';
    this.expected = expected;
    this.actual = actual;
  }
}

/** An input, target, weight or parameter is NaN or ±∞ (or a computation overflowed to it). */
export class NonFiniteError extends EngineError {
  /** What held the bad number, e.g. "W of layer 2" or "x". */
  readonly what: string;
  /** The offending number (NaN, Infinity or -Infinity). */
  readonly value: number;

  constructor(message: string, what: string, value: number) {
    super(message);
    this.name = 'NonFiniteError';
    this.what = what;
    this.value = value;
  }
}

/** A hyperparameter (α, batch size, epochs, layer sizes, loss/activation choice) is out of range. */
export class HyperparameterError extends EngineError {
  /** The hyperparameter's name, e.g. "alpha". */
  readonly parameter: string;

  constructor(message: string, parameter: string) {
    super(message);
    this.name = 'HyperparameterError';
    this.parameter = parameter;
  }
}

/** A dataset has no samples, so there is no loss to minimise. */
export class EmptyDatasetError extends EngineError {
  constructor(message: string) {
    super(message);
    this.name = 'EmptyDatasetError';
  }
}

/**
 * A value lies outside the domain where a formula means something or is finite, e.g. a target
 * y = 1.5 for binary cross-entropy (y must be a probability) or ŷ = 0, where log ŷ is −∞.
 */
export class DomainError extends EngineError {
  /** What held the value, e.g. "y" or "ŷ". */
  readonly what: string;
  readonly value: number;

  constructor(message: string, what: string, value: number) {
    super(message);
    this.name = 'DomainError';
    this.what = what;
    this.value = value;
  }
}
