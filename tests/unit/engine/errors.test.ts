import { describe, expect, test } from 'vitest';
import {
  EmptyDatasetError,
  EngineError,
  HyperparameterError,
  NonFiniteError,
  ShapeError,
  backward,
  createTraining,
  dataset,
  forward,
  fromRows,
  fromSamples,
  initNetwork,
  mulberry32,
  networkFrom,
  resolveLoss,
  step,
  xorData,
  xorNetwork,
  zeros,
} from '../../../src/engine/index.ts';
import type { LossName } from '../../../src/engine/index.ts';

/** Expects `fn` to throw an error of class `type` whose message matches `message`. */
function expectError(fn: () => unknown, type: abstract new (...args: never[]) => EngineError, message: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(type);
  expect(caught).toBeInstanceOf(EngineError);
  expect((caught as Error).message).toMatch(message);
}

const xor = xorNetwork(1);

describe('mismatched shapes throw ShapeError saying what was expected', () => {
  test('W of layer 2 has shape 3×4 but layer 1 outputs 2 units: expected 3×2', () => {
    const W2 = [[1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 3, 4]];
    expectError(
      () => networkFrom([{ W: [[1, 2], [3, 4]], b: [0, 0], activation: 'tanh' }, { W: W2, b: [0, 0, 0], activation: 'sigmoid' }]),
      ShapeError,
      /^W of layer 2 has shape 3×4 but layer 1 outputs 2 units: expected 3×2$/,
    );
  });

  test('a bias with the wrong length', () => {
    expectError(() => networkFrom([{ W: [[1, 2]], b: [0, 0], activation: 'tanh' }]), ShapeError, /b of layer 1 has shape 2×1 but layer 1 has 1 units: expected 1×1/);
  });

  test('ragged rows in W', () => {
    expectError(() => networkFrom([{ W: [[1, 2], [3]], b: [0, 0], activation: 'tanh' }]), ShapeError, /W of layer 1: row 2 has 1 entries but row 1 has 2/);
  });

  test('X with the wrong number of inputs', () => {
    expectError(() => forward(xor, fromSamples([[1, 2, 3]])), ShapeError, /X has shape 3×1 but the network has 2 inputs: expected 2×1/);
  });

  test('Y with the wrong shape', () => {
    const trace = forward(xor, xorData.X);
    expectError(() => backward(xor, trace, fromRows([[0, 1, 1]]), 'halfSquaredErrorSum'), ShapeError, /Y has shape 1×3 but the network outputs 1 units for 4 samples: expected 1×4/);
  });

  test('inputs and targets of different lengths', () => {
    expectError(() => dataset([[0], [1]], [0]), ShapeError, /2 inputs but 1 targets/);
  });
});

describe('non-finite numbers throw NonFiniteError naming where they are', () => {
  test('a NaN input', () => {
    expectError(() => forward(xor, fromSamples([[0, Number.NaN]])), NonFiniteError, /X has NaN at row 2, column 1/);
  });

  test('an infinite weight', () => {
    expectError(() => networkFrom([{ W: [[Infinity]], b: [0], activation: 'tanh' }]), NonFiniteError, /W of layer 1 has Infinity/);
  });

  test('a NaN target in a training dataset', () => {
    expectError(() => createTraining(xor, dataset([[0, 0]], [Number.NaN]), { alpha: 0.1, loss: 'halfSquaredErrorSum' }), NonFiniteError, /Y has NaN/);
  });

  test('a forward pass that overflows', () => {
    const net = networkFrom([{ W: [[1e308, 1e308]], b: [0], activation: 'identity' }]);
    expectError(() => forward(net, fromSamples([[10, 10]])), NonFiniteError, /z of layer 1 has Infinity at row 1, column 1: the forward pass overflowed/);
  });
});

describe('bad hyperparameters throw HyperparameterError', () => {
  const grads = backward(xor, forward(xor, xorData.X), xorData.Y, 'halfSquaredErrorSum');
  test.each([-0.1, Number.NaN, Infinity])('learning rate α = %s', (alpha) => {
    expectError(() => step(xor, grads, alpha), HyperparameterError, /learning rate α = .*: expected a finite number ≥ 0/);
    expectError(() => createTraining(xor, xorData, { alpha, loss: 'halfSquaredErrorSum' }), HyperparameterError, /learning rate α/);
  });

  test.each([0, 1.5, -2])('batch size %s', (batchSize) => {
    expectError(() => createTraining(xor, xorData, { alpha: 0.1, loss: 'halfSquaredErrorSum', batchSize }), HyperparameterError, /batchSize = .*: expected an integer ≥ 1/);
  });

  test('an unknown loss name', () => {
    expectError(() => resolveLoss('hinge' as LossName), HyperparameterError, /unknown loss "hinge"/);
  });

  test('a from-logits loss on a sigmoid output layer (σ would be applied twice)', () => {
    expectError(() => createTraining(xor, xorData, { alpha: 0.1, loss: 'binaryCrossEntropyFromLogits' }), HyperparameterError, /takes logits, so the output layer's activation must be identity, not sigmoid/);
  });

  test('initNetwork with too few sizes or the wrong number of activations', () => {
    expectError(() => initNetwork([2], [], mulberry32(1)), HyperparameterError, /expected at least \[inputs, outputs\]/);
    expectError(() => initNetwork([2, 3, 1], ['tanh'], mulberry32(1)), HyperparameterError, /1 activations for 2 layers/);
    expectError(() => initNetwork([2, 0, 1], ['tanh', 'tanh'], mulberry32(1)), HyperparameterError, /sizes\[1\] = 0/);
  });

  test('a network without layers', () => {
    expectError(() => networkFrom([]), HyperparameterError, /no layers/);
  });

  test('advance with a negative number of epochs', () => {
    const run = createTraining(xor, xorData, { alpha: 0.1, loss: 'halfSquaredErrorSum' });
    expectError(() => run.advance(-1), HyperparameterError, /epochs = -1/);
  });
});

describe('empty datasets throw EmptyDatasetError', () => {
  test('dataset([], [])', () => {
    expectError(() => dataset([], []), EmptyDatasetError, /no samples/);
  });

  test('training on a dataset with 0 columns', () => {
    expectError(() => createTraining(xor, { X: zeros(2, 0), Y: zeros(1, 0) }, { alpha: 0.1, loss: 'halfSquaredErrorSum' }), EmptyDatasetError, /no samples/);
  });

  test('a forward pass on 0 samples', () => {
    expectError(() => forward(xor, zeros(2, 0)), EmptyDatasetError, /X has no samples/);
  });
});

test('every engine error is an EngineError and an Error, with its class name as name', () => {
  const e = new ShapeError('m', '2×2', '3×2');
  expect(e).toBeInstanceOf(Error);
  expect(e.name).toBe('ShapeError');
  expect([e.expected, e.actual]).toEqual(['2×2', '3×2']);
});
