import fc from 'fast-check';
import { expect, test } from 'vitest';
import { Value, backward, forward, halfSquaredErrorSum } from '../../../src/engine/index.ts';
import type { Network, Matrix } from '../../../src/engine/index.ts';
import { smallProblem } from './helpers.ts';

/** The same network written with scalar Values: one node per weight, L = Σ ½(y − a)². */
function scalarGraph(net: Network, X: Matrix, Y: Matrix) {
  const W = net.layers.map((layer) => Array.from(layer.W.data, (w) => new Value(w)));
  const b = net.layers.map((layer) => Array.from(layer.b.data, (v) => new Value(v)));
  let L = new Value(0);
  for (let n = 0; n < X.cols; n++) {
    let a = Array.from({ length: X.rows }, (_, j) => new Value(X.data[j * X.cols + n]!));
    net.layers.forEach((layer, l) => {
      a = Array.from({ length: layer.W.rows }, (_, i) => {
        let z = b[l]![i]!;
        for (let j = 0; j < layer.W.cols; j++) z = z.add(W[l]![i * layer.W.cols + j]!.mul(a[j]!));
        const name = layer.activation.name;
        return name === 'sigmoid' ? z.sigmoid() : name === 'tanh' ? z.tanh() : z;
      });
    });
    a.forEach((ak, k) => {
      L = L.add(Value.from(Y.data[k * Y.cols + n]!).sub(ak).pow(2).mul(0.5));
    });
  }
  return { L, W, b };
}

test('autograd (Value) and the dense engine give the same loss and gradients for the same small network', () => {
  fc.assert(
    fc.property(smallProblem, ({ net, X, Y }) => {
      const dense = backward(net, forward(net, X), Y, halfSquaredErrorSum);
      const graph = scalarGraph(net, X, Y);
      graph.L.backward();
      const close = (p: number, q: number) => expect(Math.abs(p - q)).toBeLessThanOrEqual(1e-10 * Math.max(1, Math.abs(q)));
      close(graph.L.data, dense.loss);
      net.layers.forEach((_, l) => {
        graph.W[l]!.forEach((w, k) => close(w.grad, dense.layers[l]!.dW.data[k]!));
        graph.b[l]!.forEach((v, k) => close(v.grad, dense.layers[l]!.db.data[k]!));
      });
    }),
    { numRuns: 100 },
  );
});
