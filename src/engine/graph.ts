// The computation graph of a Value: a stable node order, a drawable form and the backward pass step by step (chain-rule).

import type { Op, Value } from './value.ts';

/**
 * Every node reachable from `root`, children before parents, so `root` comes last.
 * The order is stable: a depth-first search that visits each node's children left to right
 * (in operand order, e.g. w before x in w·x) and lists a node once all its children are
 * listed, at its first visit. The same graph always gives the same order.
 */
export function topoSort(root: Value): Value[] {
  const order: Value[] = [];
  const visited = new Set<Value>();
  const visit = (node: Value): void => {
    if (visited.has(node)) return;
    visited.add(node);
    for (const child of node.children) visit(child);
    order.push(node);
  };
  visit(root);
  return order;
}

/** A node for drawing; `id` is its index in topoSort(root). */
export interface GraphNode {
  readonly id: number;
  readonly label: string;
  readonly op: Op;
  readonly data: number;
  readonly grad: number;
}

/**
 * An edge child → parent (`from` → `to`, by id). `localGrad` = ∂parent/∂child; after backward,
 * the edge carries localGrad × (parent's grad) into the child's grad.
 */
export interface GraphEdge {
  readonly from: number;
  readonly to: number;
  /** Which operand of the parent the child is (0 = left). */
  readonly operand: number;
  readonly localGrad: number;
}

/** Nodes in topoSort order and one edge per (parent, operand), parents in the same order. */
export function toGraph(root: Value): { readonly nodes: GraphNode[]; readonly edges: GraphEdge[] } {
  const order = topoSort(root);
  const ids = new Map(order.map((node, id) => [node, id]));
  const nodes = order.map((node, id) => ({ id, label: node.label, op: node.op, data: node.data, grad: node.grad }));
  const edges = order.flatMap((node, to) =>
    node.children.map((child, operand) => ({ from: ids.get(child)!, to, operand, localGrad: node.localGrads[operand]! })),
  );
  return { nodes, edges };
}

/** What one edge does in a backward step: child.grad += localGrad × upstream. */
export interface BackwardEdgeStep {
  readonly child: Value;
  readonly childId: number;
  /** ∂node/∂child. */
  readonly localGrad: number;
  /** localGrad × upstream, the amount added to child.grad. */
  readonly contribution: number;
  /** child.grad right after this addition (final once all its parents are done). */
  readonly childGradAfter: number;
}

/** One node's turn in the backward pass. */
export interface BackwardStep {
  readonly node: Value;
  /** The node's id in toGraph(root). */
  readonly id: number;
  /** ∂root/∂node, complete when the node's turn comes (its parents all went first). */
  readonly upstream: number;
  /** One entry per operand; empty for a leaf. */
  readonly edges: readonly BackwardEdgeStep[];
}

/**
 * Runs root.backward() and returns its steps in the order it takes them: every node once,
 * root first, in reverse topoSort order, each with its upstream gradient and, per operand,
 * local derivative × upstream = contribution to the child's gradient.
 */
export function backwardSteps(root: Value): BackwardStep[] {
  root.backward();
  const order = topoSort(root);
  const ids = new Map(order.map((node, id) => [node, id]));
  const partial = new Map<Value, number>();
  return order.reverse().map((node) => ({
    node,
    id: ids.get(node)!,
    upstream: node.grad,
    edges: node.children.map((child, k) => {
      const localGrad = node.localGrads[k]!;
      const contribution = localGrad * node.grad;
      const childGradAfter = (partial.get(child) ?? 0) + contribution;
      partial.set(child, childGradAfter);
      return { child, childId: ids.get(child)!, localGrad, contribution, childGradAfter };
    }),
  }));
}
