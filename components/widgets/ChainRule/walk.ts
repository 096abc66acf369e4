// walk.ts — the chain-rule widget's graph: the one-neuron graph from the engine's autograd, the row and
// column of each node as the widget draws it, and what is known at each step of the walk (forward pass
// node by node, then backward). Pure; used by model.ts (numbers, actions) and view.ts (markup).
import { oneNeuronDefaults as d, oneNeuronGraph } from '../../../src/engine/examples/one-neuron.ts';
import { backwardSteps, topoSort, type BackwardStep } from '../../../src/engine/graph.ts';
import type { Value } from '../../../src/engine/value.ts';

/** Short names for the graph's nodes, used to mark their numbers: v-z (value), g-z (gradient). */
const KEYS: Readonly<Record<string, string>> = { x: 'x', w: 'w', b: 'b', y: 'y', wx: 'wx', z: 'z', a: 'a', '−a': 'negA', 'y−a': 'e', 'e²': 'e2', L: 'L' };

/** A node as the widget draws it. Constants (the −1 of −a, the ½ of L) are folded into their parent's formula. */
export interface DrawnNode {
  readonly key: string;
  readonly label: string;
  /** How the node is computed from its children, e.g. "wx + b"; '' for a leaf. */
  readonly formula: string;
  readonly value: number;
  readonly grad: number;
  readonly leaf: boolean;
  /** Row (0 = top, where the inputs are) and column centre in SVG units. */
  readonly row: number;
  readonly cx: number;
}

/** An edge child → parent with its local derivative ∂parent/∂child. */
export interface DrawnEdge {
  readonly child: string;
  readonly parent: string;
  readonly local: number;
  /** local × (∂L/∂parent): what flows back along this edge. */
  readonly contribution: number;
}

export interface Walk {
  readonly nodes: readonly DrawnNode[];
  readonly edges: readonly DrawnEdge[];
  /** Keys of the computed (non-leaf) nodes in forward order, then in backward order. */
  readonly forward: readonly string[];
  readonly backward: readonly string[];
  readonly rows: number;
}

const isConstant = (v: Value): boolean => v.children.length === 0 && !(v.label in KEYS);

function formulaOf(v: Value): string {
  const part = (c: Value): string => {
    if (isConstant(c)) return c.data < 0 ? `(${String(c.data).replace('-', '−')})` : String(c.data) === '0.5' ? '½' : String(c.data);
    return /[−+]/.test(c.label) ? `(${c.label})` : c.label;
  };
  const [p, q] = v.children;
  if (v.op === '+') return `${part(p!)} + ${part(q!)}`;
  if (v.op === '*') return isConstant(q!) ? `${part(q!)}·${part(p!)}` : `${part(p!)}·${part(q!)}`;
  if (v.op === 'sigmoid') return `σ(${part(p!)})`;
  if (v.op.startsWith('**')) return `${part(p!)}${v.op === '**2' ? '²' : `^${v.op.slice(2)}`}`;
  return v.op;
}

/** Builds the neuron's graph with the engine, runs its backward pass, and lays it out in rows. */
export function walkOf(p: { x: number; w: number; b: number; y: number }): Walk {
  const g = oneNeuronGraph({ ...d, ...p });
  const steps: BackwardStep[] = backwardSteps(g.L);
  const order = topoSort(g.L).filter((v) => !isConstant(v));
  const key = (v: Value): string => KEYS[v.label] ?? v.label;

  // Rows: a computed node sits one row below its lowest child; a leaf one row above its first parent.
  const row = new Map<Value, number>();
  for (const v of order) {
    const kids = v.children.filter((c) => !isConstant(c));
    row.set(v, kids.length === 0 ? 0 : 1 + Math.max(...kids.map((c) => row.get(c) ?? 0)));
  }
  for (const v of order) {
    if (v.children.length > 0) continue;
    const parents = order.filter((p2) => p2.children.includes(v));
    row.set(v, Math.min(...parents.map((p2) => row.get(p2)!)) - 1);
  }
  const rows = Math.max(...row.values()) + 1;
  const nodes = order.map((v): DrawnNode => {
    const mates = order.filter((u) => row.get(u) === row.get(v));
    const cx = mates.length === 1 ? 170 : mates.indexOf(v) === 0 ? 92 : 248;
    return { key: key(v), label: v.label, formula: formulaOf(v), value: v.data, grad: v.grad, leaf: v.children.length === 0, row: row.get(v)!, cx };
  });
  const edges = steps.flatMap((s) => s.edges.filter((e) => !isConstant(e.child)).map((e): DrawnEdge => ({
    child: key(e.child), parent: key(s.node), local: e.localGrad, contribution: e.contribution,
  })));
  const computed = order.filter((v) => v.children.length > 0);
  return { nodes, edges, forward: computed.map(key), backward: steps.filter((s) => s.node.children.length > 0).map((s) => key(s.node)), rows };
}

const defaultWalk = walkOf(d);
/** Steps in a full walk: one per computed node forward, one per computed node backward. */
export const TOTAL_STEPS = defaultWalk.forward.length + defaultWalk.backward.length;
/** Rows of the drawn graph (the same for every input: the graph's shape does not depend on the numbers). */
export const GRAPH_ROWS = defaultWalk.rows;

/** What the reader sees at a step: which values and gradients are known, and what just happened. */
export interface StepState {
  readonly known: ReadonlySet<string>;
  readonly gradKnown: ReadonlySet<string>;
  /** Edges whose gradient has flowed back (child|parent). */
  readonly flowed: ReadonlySet<string>;
  readonly phase: 'start' | 'forward' | 'backward';
  /** The last step: both passes done. */
  readonly finished: boolean;
  /** The node whose turn it is (computed now, or passing its gradient back now). */
  readonly current: string | null;
  /** 1-based index within the phase. */
  readonly index: number;
}

export function stateAt(walk: Walk, step: number): StepState {
  const F = walk.forward.length;
  const leaves = walk.nodes.filter((n) => n.leaf).map((n) => n.key);
  const fwd = Math.min(step, F);
  const back = Math.max(0, step - F);
  const known = new Set([...leaves, ...walk.forward.slice(0, fwd)]);
  const done = walk.backward.slice(0, back);
  const flowedEdges = walk.edges.filter((e) => done.includes(e.parent));
  const gradKnown = new Set([...(back > 0 ? [walk.backward[0]!] : []), ...flowedEdges.map((e) => e.child)]);
  const phase = step === 0 ? 'start' : step <= F ? 'forward' : 'backward';
  const current = phase === 'forward' ? walk.forward[fwd - 1]! : phase === 'backward' ? walk.backward[back - 1]! : null;
  return {
    known, gradKnown, flowed: new Set(flowedEdges.map((e) => `${e.child}|${e.parent}`)), phase, current,
    index: phase === 'backward' ? back : fwd, finished: step === F + walk.backward.length,
  };
}
