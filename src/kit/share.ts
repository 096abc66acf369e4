// share.ts — the pure parts of a widget's Share dialog: the <iframe> snippet for a course page and the
// QR code of a link as SVG. PURE: strings and matrices in, strings out (dom/share.ts shows them).

/** The message an embed page posts to its parent: its widget's id and its height in CSS pixels. */
export interface EmbedHeightMessage {
  readonly type: 'bp-embed-height';
  readonly id: string;
  readonly height: number;
}

/** Whether a posted message is an embed's height (anything else on the parent page is left alone). */
export function isEmbedHeight(data: unknown): data is EmbedHeightMessage {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  return d['type'] === 'bp-embed-height' && typeof d['id'] === 'string' && typeof d['height'] === 'number' && Number.isFinite(d['height']) && d['height'] >= 0;
}

const escapeAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The HTML a teacher pastes into a course page: the iframe (titled for screen readers, full width, a
 * first height until the embed reports its own) and a few lines that set its height from the
 * 'bp-embed-height' message, matching the message to the iframe it came from.
 */
export function embedSnippet(src: string, title: string, id: string): string {
  const iframe = `<iframe src="${escapeAttr(src)}" title="${escapeAttr(title)}" width="100%" height="640" style="border:0" loading="lazy" data-bp-embed="${escapeAttr(id)}"></iframe>`;
  const listener = '<script>addEventListener("message",function(e){var d=e.data;if(!d||d.type!=="bp-embed-height")return;'
    + 'document.querySelectorAll("iframe[data-bp-embed]").forEach(function(f){if(f.contentWindow===e.source)f.style.height=d.height+"px";});});</script>';
  return `${iframe}\n${listener}`;
}

/**
 * A QR code's modules (true = dark, rows of columns, as the encoder gives them, its quiet zone
 * included) as an SVG on white: one path, each run of dark modules in a row one rectangle
 * `M x y h w v 1 h -w z`, so a test can read the modules back.
 */
export function qrSvg(modules: readonly (readonly boolean[])[], label: string): string {
  const size = modules.length;
  const runs: string[] = [];
  modules.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) { x++; continue; }
      let w = 1;
      while (row[x + w]) w++;
      runs.push(`M${x} ${y}h${w}v1h-${w}z`);
      x += w;
    }
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" role="img" aria-label="${escapeAttr(label)}" shape-rendering="crispEdges">`
    + `<rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${runs.join('')}"/></svg>`;
}

/** The modules back from qrSvg's path (for tests): the inverse of qrSvg. */
export function qrModules(svg: string): boolean[][] {
  const n = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
  const grid = Array.from({ length: n }, () => Array.from({ length: n }, () => false));
  for (const m of svg.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    const x = Number(m[1]), y = Number(m[2]), w = Number(m[3]);
    for (let i = 0; i < w; i++) grid[y]![x + i] = true;
  }
  return grid;
}
