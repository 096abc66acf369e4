// Scalar reverse-mode autograd in the style of micrograd: the chain rule node by node (chain-rule).

import { sigmoid, sigmoidSlope, tanhSlope } from './activations.ts';
import { topoSort } from './graph.ts';

/** The operation that made a node: '' for a leaf (an input, a parameter or a constant). */
export type Op = '' | '+' | '*' | `**${number}` | 'exp' | 'sigmoid' | 'tanh' | 'relu';

/**
 * One scalar in a computation graph. Each primitive (add, mul, pow, exp, sigmoid, tanh, relu)
 * computes its value and, beside it, the local derivative ∂out/∂child for each operand;
 * backward() then multiplies local × upstream along every edge (the chain rule).
 */
export class Value {
  /** The number this node holds (its forward value). */
  readonly data: number;
  /** ∂root/∂(this node) after root.backward(); 0 before. */
  grad: number;
  /** A name for drawing: 'x', 'w', 'z', 'a', 'L', … ('' if unnamed). */
  label: string;
  /** The operation that made this node. */
  readonly op: Op;
  /** The operands of `op`, in order (a leaf has none). */
  readonly children: readonly Value[];
  /** localGrads[i] = ∂(this)/∂(children[i]), the local derivative along each edge. */
  readonly localGrads: readonly number[];

  constructor(data: number, label = '', children: readonly Value[] = [], localGrads: readonly number[] = [], op: Op = '') {
    this.data = data;
    this.grad = 0;
    this.label = label;
    this.op = op;
    this.children = children;
    this.localGrads = localGrads;
  }

  /** A Value as is, or a number wrapped as a constant leaf labelled with its value. */
  static from(x: Value | number): Value {
    return x instanceof Value ? x : new Value(x, String(x));
  }

  /** Sets the label (for drawing) and returns this node, so a graph reads `w.mul(x).named('wx')`. */
  named(label: string): this {
    this.label = label;
    return this;
  }

  /** this + other; ∂/∂this = 1, ∂/∂other = 1. */
  add(other: Value | number): Value {
    const o = Value.from(other);
    return new Value(this.data + o.data, '', [this, o], [1, 1], '+');
  }

  /** this · other; ∂/∂this = other, ∂/∂other = this. */
  mul(other: Value | number): Value {
    const o = Value.from(other);
    return new Value(this.data * o.data, '', [this, o], [o.data, this.data], '*');
  }

  /** thisᵏ for a constant k; ∂/∂this = k·thisᵏ⁻¹. */
  pow(k: number): Value {
    return new Value(this.data ** k, '', [this], [k * this.data ** (k - 1)], `**${k}`);
  }

  /** eˣ; ∂/∂x = eˣ. */
  exp(): Value {
    const e = Math.exp(this.data);
    return new Value(e, '', [this], [e], 'exp');
  }

  /** σ(x); ∂/∂x = σ(x)(1 − σ(x)). */
  sigmoid(): Value {
    const s = sigmoid(this.data);
    // σ'(z) = s(1 − s), or from z where s rounds to 1 (the same slope as the dense engine's backward pass).
    return new Value(s, '', [this], [sigmoidSlope(s, this.data)], 'sigmoid');
  }

  /** tanh(x); ∂/∂x = 1 − tanh²(x). */
  tanh(): Value {
    const t = Math.tanh(this.data);
    return new Value(t, '', [this], [tanhSlope(t, this.data)], 'tanh');
  }

  /** max(0, x); ∂/∂x = 1 if x > 0, else 0. */
  relu(): Value {
    return new Value(Math.max(0, this.data), '', [this], [this.data > 0 ? 1 : 0], 'relu');
  }

  /** −this, derived: this · (−1). */
  neg(): Value {
    return this.mul(-1);
  }

  /** this − other, derived: this + (−other). */
  sub(other: Value | number): Value {
    return this.add(Value.from(other).neg());
  }

  /** this / other, derived: this · other⁻¹. */
  div(other: Value | number): Value {
    return this.mul(Value.from(other).pow(-1));
  }

  /**
   * Fills `grad` of every node this one is computed from with ∂this/∂node: resets all grads to 0, sets
   * this.grad = 1, then visits nodes parents-first (reverse topological order) and adds
   * local × upstream to each child. Calling it twice gives the same grads.
   */
  backward(): void {
    const order = topoSort(this);
    for (const node of order) node.grad = 0;
    this.grad = 1;
    for (let i = order.length - 1; i >= 0; i--) {
      const node = order[i]!;
      node.children.forEach((child, k) => {
        // chain rule: ∂L/∂child += (∂node/∂child) · ∂L/∂node, i.e. local × upstream
        child.grad += node.localGrads[k]! * node.grad;
      });
    }
  }
}
