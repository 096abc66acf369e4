// The notebook cells' output: numbers through the book's formatter, matrices as aligned tables with their
// shape, errors with the line of the reader's code, limits, and HTML that is only ever escaped text.
import { describe, expect, test } from 'vitest';
import { LIMITS, OutputBuffer, lineText, matrixLines, outputHtml, printLines } from '../../../src/cell/format';
import { runCell } from '../../../src/cell/run';
import * as engine from '../../../src/engine/index';

const texts = (lines: ReturnType<typeof printLines>) => lines.map(lineText);

describe('print', () => {
  test('numbers are written by the book’s formatter and keep their full value', () => {
    const [line] = printLines(['δ =', -0.23083032672423898, 1.2e-7, 1e7, -0]);
    expect(lineText(line!)).toBe('δ = −0.2308 1.2×10⁻⁷ 1×10⁷ 0');
    expect(line!.kind === 'text' && line!.parts.filter((p) => p.value !== undefined).map((p) => p.value)).toEqual([-0.23083032672423898, 1.2e-7, 1e7, -0]);
  });

  test('NaN and infinities are spelt out, not formatted (and not marked as numbers)', () => {
    const [line] = printLines([NaN, Infinity, -Infinity]);
    expect(lineText(line!)).toBe('NaN ∞ −∞');
    expect(line!.kind === 'text' && line!.parts.some((p) => p.value !== undefined)).toBe(false);
  });

  test('arrays, typed arrays and objects one level deep; strings as they are', () => {
    expect(texts(printLines([[1, 0.5, -2], new Float64Array([0.25]), { a: 1, b: [2, 3] }, 'x', true, null]))).toEqual(['[1, 0.5, −2] [0.25] { a: 1, b: [2, 3] } x true null']);
    expect(texts(printLines([{ deep: { deeper: { deepest: 1 } } }]))).toEqual(['{ deep: { deeper: {…} } }']);
    expect(texts(printLines([]))).toEqual(['']);
  });

  test('a matrix is a table with its shape, columns right-aligned; a string just before it is its label', () => {
    const W = engine.fromRows([[0.1, -0.2], [0.4, 0.3]]);
    expect(texts(printLines(['W', W]))).toEqual(['W: 2×2 matrix', '[ 0.1  −0.2 ]', '[ 0.4   0.3 ]']);
    expect(texts(printLines([engine.fromRows([[1, -22.5, 3]])]))).toEqual(['1×3 matrix', '[ 1  −22.5  3 ]']);
    expect(matrixLines({ rows: 2, cols: 1, data: [10, -1] }).map(lineText)).toEqual(['2×1 matrix', '[ 10 ]', '[ −1 ]']);
    // Text after a matrix starts a new line.
    expect(texts(printLines(['before', engine.fromRows([[1]]), 'after']))).toEqual(['before: 1×1 matrix', '[ 1 ]', 'after']);
  });
});

describe('errors name the line of the reader’s code', () => {
  test('a runtime error: its message and the line it was thrown on', () => {
    const r = runCell('print(1)\nconst n = null;\nn.x', engine);
    expect(r.failed).toBe(true);
    expect(r.lines.map(lineText)).toEqual(['1', "TypeError: Cannot read properties of null (reading 'x') (line 3)"]);
    expect(r.lines.at(-1)).toMatchObject({ kind: 'error', line: 3 });
  });

  test('a syntax error: the line found by compiling longer and longer prefixes', () => {
    const r = runCell('const a = 1;\nconst b = ;\nprint(a)', engine);
    expect(r.lines.map(lineText)).toEqual(["SyntaxError: Unexpected token ';' (line 2)"]);
  });

  test('an engine error keeps its message (what was expected)', () => {
    const r = runCell('engine.networkFrom([{ W: [[1, 2]], b: [0, 0], activation: "sigmoid" }])', engine);
    expect(lineText(r.lines.at(-1)!)).toMatch(/^ShapeError: .*expected .*\(line 1\)$/);
  });

  test('a thrown value that is not an Error is shown as text', () => {
    expect(runCell('throw "no"', engine).lines.map(lineText)).toEqual(['Thrown: no']);   // a string carries no stack, so no line
  });

  test('the code is strict: no implicit globals', () => {
    expect(lineText(runCell('oops = 1', engine).lines[0]!)).toBe('ReferenceError: oops is not defined (line 1)');
  });

  test('console.log prints like print', () => {
    expect(runCell('console.log("a", 2)', engine).lines.map(lineText)).toEqual(['a 2']);
  });
});

describe('limits and HTML', () => {
  test('output stops at the line limit with a line saying so', () => {
    const r = runCell('for (let i = 0; i < 1e5; i++) print(i)', engine);
    expect(r.lines.length).toBe(LIMITS.lines + 1);
    expect(lineText(r.lines.at(-1)!)).toMatch(/^Output stopped here/);
  });

  test('a very long line is cut, and the total is capped', () => {
    const out = new OutputBuffer();
    out.push(...printLines(['x'.repeat(LIMITS.charsPerLine + 10)]));
    expect(lineText(out.lines[0]!)).toMatch(/… \(line cut at 2000 characters\)$/);
    for (let i = 0; i < 100; i++) out.push(...printLines(['y'.repeat(LIMITS.charsPerLine)]));
    expect(out.cut).toBe(true);
    expect(out.lines.reduce((n, l) => n + lineText(l).length, 0)).toBeLessThan(LIMITS.chars + 2 * LIMITS.charsPerLine);
  });

  test('outputHtml escapes everything printed and marks numbers with their full value', () => {
    const html = outputHtml([...printLines(['<img src=x onerror=alert(1)> & "q"', 0.19661193]), ...runCell('throw new Error("<b>")', engine).lines]);
    expect(html).toBe('<span data-line>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot; <span data-n="0.19661193">0.1966</span></span>\n<span data-line data-error>Error: &lt;b&gt; (line 1)</span>');
  });
});

describe('plot', () => {
  test('plot(xs, ys) draws a line with the book’s axes; its frame is in data units', () => {
    const r = runCell('plot([0, 1, 2], [1, 3, 2])', engine);
    expect(r.lines).toEqual([{ kind: 'plot', points: [[0, 1], [1, 3], [2, 2]] }]);
    const html = outputHtml(r.lines);
    expect(html).toMatch(/^<span data-line data-plot><svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="plot cell-plot" role="img" aria-label="A line through 3 points: x from 0 to 2, y from 1 to 3"/);
    expect(html).toContain('data-frame="{&quot;x&quot;:[0,2],&quot;y&quot;:[1,3],');
    expect(html).toContain('<path class="curve" d="M46,216L246,20L446,118"/>');
  });

  test('plot(ys) numbers the points 0, 1, 2, …; non-finite points are left out; nothing from the code is written as text', () => {
    const r = runCell('plot([5, NaN, 7])', engine);
    expect(r.lines).toEqual([{ kind: 'plot', points: [[0, 5], [2, 7]] }]);
    expect(outputHtml(runCell('plot(["<b>"], ["<i>"])', engine).lines)).not.toMatch(/<b>|<i>/);
  });
});
