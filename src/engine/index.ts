// The engine's public surface: everything chapters, widgets and tests import comes from here.

export * from './activations.ts';
export * from './cross-entropy.ts';
export * from './datasets.ts';
export * from './dense.ts';
export * from './errors.ts';
export * from './gradcheck.ts';
export * from './graph.ts';
export * from './layer-math.ts';
export * from './loss-registry.ts';
export * from './losses.ts';
export * from './matmul.ts';
export * from './matrix.ts';
export * from './network.ts';
export * from './random.ts';
export * from './train.ts';
export * from './validate.ts';
export * from './value.ts';
export * from './workspace.ts';
export * from './examples/one-neuron.ts';
export * from './examples/two-neurons.ts';
export * from './examples/parallel.ts';
export * from './examples/xor-2-2-1.ts';
export * from './examples/network-2-2-1.ts';
export * from './examples/pitfalls.ts';
export * from './examples/inputs.ts';
