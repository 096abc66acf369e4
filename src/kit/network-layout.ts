// network-layout.ts — where to draw a dense network: unit j of layer l placed from (l, j) and the
// layer sizes alone, as TensorFlow Playground's drawNetwork does, instead of coordinates typed per
// widget. PURE. Layer 0 is the input; columns are evenly spaced, each column centred vertically.

export interface NodeSpot {
  /** 0 = the inputs, 1 = the first layer with weights, … */
  readonly layer: number;
  /** 0-based unit index within its layer. */
  readonly unit: number;
  readonly x: number;
  readonly y: number;
}

/** The connection from unit `from` of layer l − 1 to unit `to` of layer l: the weight W⁽ˡ⁾[to][from]. */
export interface EdgeSpot {
  readonly layer: number;
  readonly from: number;
  readonly to: number;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface NetworkLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly NodeSpot[];
  readonly edges: readonly EdgeSpot[];
  /** The spot of unit j of layer l. */
  node(layer: number, unit: number): NodeSpot;
}

export interface LayoutBox {
  readonly width: number;
  readonly height: number;
  /** Room left and right of the outer columns, and above and below the tallest one. */
  readonly padX: number;
  readonly padY: number;
  /** Node radius: edges stop at the circles' edges. */
  readonly radius: number;
  /** The largest vertical distance between two units of a layer. */
  readonly maxGap?: number;
}

export function networkLayout(sizes: readonly number[], box: LayoutBox): NetworkLayout {
  if (sizes.length < 2 || sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new RangeError(`layer sizes ${sizes.join('-')}: need two or more layers of at least one unit`);
  const tallest = Math.max(...sizes);
  const gap = Math.min(box.maxGap ?? Infinity, tallest > 1 ? (box.height - 2 * box.padY) / (tallest - 1) : 0);
  const columnX = (l: number): number => round(box.padX + (l * (box.width - 2 * box.padX)) / (sizes.length - 1));
  const byLayer = sizes.map((n, l) => Array.from({ length: n }, (_, j): NodeSpot => ({
    layer: l, unit: j, x: columnX(l), y: round(box.height / 2 + (j - (n - 1) / 2) * gap),
  })));
  const edges: EdgeSpot[] = [];
  for (let l = 1; l < sizes.length; l++) {
    for (const to of byLayer[l]!) {
      for (const from of byLayer[l - 1]!) {
        const dx = to.x - from.x, dy = to.y - from.y, len = Math.hypot(dx, dy);
        const ux = dx / len, uy = dy / len;
        edges.push({
          layer: l, from: from.unit, to: to.unit,
          x1: round(from.x + ux * box.radius), y1: round(from.y + uy * box.radius),
          x2: round(to.x - ux * box.radius), y2: round(to.y - uy * box.radius),
        });
      }
    }
  }
  return {
    width: box.width, height: box.height, nodes: byLayer.flat(), edges,
    node(layer, unit) {
      const spot = byLayer[layer]?.[unit];
      if (!spot) throw new RangeError(`no unit ${unit} in layer ${layer}`);
      return spot;
    },
  };
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
