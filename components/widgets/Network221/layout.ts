// layout.ts — where the 2-2-1 diagram draws its units, its six weights and its three biases, in SVG units
// (the SVG scales to its box). The units come from src/kit/network-layout.ts (unit j of layer l placed
// from (l, j) and the layer sizes); this file only decides where each label sits beside them. PURE view
// geometry: model.ts computes what the shapes show (each connection's width from its weight).
import { networkLayout, type EdgeSpot } from '../../../src/kit/network-layout.ts';

/** Units per layer, inputs first. */
export const sizes = [2, 2, 1] as const;

export const radius = 17;

/** The drawing: three columns of units, inputs on the left. */
export const layout = networkLayout(sizes, { width: 360, height: 232, padX: 34, padY: 54, radius });

/** A label's place: its anchor point and alignment. */
export interface LabelSpot { readonly x: number; readonly y: number; readonly anchor: 'start' | 'middle' | 'end' }

/** The prefix of a layer's weight and bias names: layer 1 is W1 and b1. */
export const weightName = (layer: number) => `W${layer}`;
export const biasName = (layer: number) => `b${layer}`;

/**
 * Where the weight of an edge is written. Straight edges get it above (the top one) or below (the
 * bottom one) their middle; the two edges that cross get it near their target unit, where they are
 * far apart, so that each label sits on its own line (on a halo, see Network221.astro).
 */
export function weightSpot(e: EdgeSpot): LabelSpot {
  const flat = Math.abs(e.y2 - e.y1) < 1;
  const above = e.y1 + e.y2 < layout.height;
  if (flat || e.layer === 2) {
    const x = (e.x1 + e.x2) / 2, y = (e.y1 + e.y2) / 2;
    return { x: round(x), y: round(above ? y - 8 : y + 17), anchor: 'middle' };
  }
  const t = 0.7;
  return { x: round(e.x1 + t * (e.x2 - e.x1)), y: round(e.y1 + t * (e.y2 - e.y1) + 4), anchor: 'middle' };
}

/** Where a unit's bias is written: above the top unit of its column, below the bottom one. */
export function biasSpot(layer: number, unit: number): LabelSpot {
  const n = layout.node(layer, unit);
  const top = unit === 0;
  return { x: n.x, y: top ? n.y - radius - 9 : n.y + radius + 19, anchor: 'middle' };
}

/** The column captions, along the top edge. */
export const captions = [
  { layer: 0, text: 'inputs' },
  { layer: 1, text: 'layer 1' },
  { layer: 2, text: 'layer 2' },
].map((c) => ({ ...c, x: layout.node(c.layer, 0).x, y: 12 }));

/** Each connection's line width: thicker for a larger weight, so the weights' sizes read at a glance. */
export function edgeWidth(w: number): number {
  return round(Math.min(0.8 + 3 * Math.abs(w), 10));
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
