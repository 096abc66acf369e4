// The classroom keys of a widget's URL namespace (hide, lock, reveal) and the Share dialog's pure
// parts: the iframe snippet, the height message, and the QR code's SVG, decoded back to the link.
import { describe, expect, test } from 'vitest';
import { encodeQR } from 'qr';
import decodeQR from 'qr/decode.js';
import { choice, defaults, num, state } from '../../../src/kit/params';
import { embedSnippet, isEmbedHeight, qrModules, qrSvg } from '../../../src/kit/share';
import { classroomKeys, NO_CLASSROOM, parseClassroom } from '../../../src/kit/classroom';
import { readParams, writeParams } from '../../../src/kit/url-state';
import { bitmap } from '../../fixtures/qr-bitmap';

/** readParams, then the classroom keys checked as the kit checks them (classroom.ts, loaded for classroom links). */
function read(search: string, ns: string, s: typeof schema) {
  const r = readParams(search, ns, s);
  const c = parseClassroom(r.classroom ?? {}, s);
  return { ...r, classroom: c.classroom, problems: [...r.problems, ...c.problems] };
}

const schema = {
  x: num(0.5, { min: -5, max: 5, label: 'Input', symbol: 'x' }),
  w: num(0.1, { min: -5, max: 5, label: 'Weight', symbol: 'w' }),
  form: choice('a', ['a', 'z'], { label: 'Argument' }),
  steps: state(0, { min: 0, max: 500, label: 'Steps taken' }),
};

describe('classroom keys: readParams, then parseClassroom', () => {
  test('hide, lock and reveal are read as lists of controls and a part', () => {
    const r = read('?od1.hide=x,form&od1.lock=w&od1.reveal=derivation&od1.w=2', 'od1', schema);
    expect(r.classroom).toEqual({ hide: ['x', 'form'], lock: ['w'], reveal: 'derivation' });
    expect(r.values).toEqual({ ...defaults(schema), w: 2 });
    expect(r.problems).toEqual([]);
    expect(read('?od1.reveal=results', 'od1', schema).classroom.reveal).toBe('results');
  });
  test('no classroom keys: nothing hidden, locked or behind Reveal', () => {
    expect(read('?od1.x=1', 'od1', schema).classroom).toEqual(NO_CLASSROOM);
  });
  test('hostile classroom values are reported and ignored, the rest still applies', () => {
    const search = `?od1.hide=${encodeURIComponent('x,<script>alert(1)</script>,__proto__,steps')}&od1.lock=${encodeURIComponent('javascript:alert(1)')}&od1.reveal=${'A'.repeat(400)}`;
    const r = read(search, 'od1', schema);
    expect(r.classroom).toEqual({ hide: ['x'], lock: [], reveal: null });
    expect(r.values).toEqual(defaults(schema));
    expect(r.problems).toEqual([
      'The link hides “<script>alert(1)</script>”, which is not a control of this widget; it is ignored.',
      'The link hides “__proto__”, which is not a control of this widget; it is ignored.',
      // Widget-owned state has no control to hide.
      'The link hides “steps”, which is not a control of this widget; it is ignored.',
      'The link locks “javascript:alert(1)”, which is not a control of this widget; it is ignored.',
      `The link hides “${'A'.repeat(40)}…” until Reveal, which is neither derivation nor results; nothing is hidden.`,
    ]);
  });
  test('a name listed twice counts once; an empty list hides nothing', () => {
    expect(read('?od1.hide=x,x', 'od1', schema).classroom.hide).toEqual(['x']);
    const empty = read('?od1.lock=', 'od1', schema);
    expect(empty.classroom.lock).toEqual([]);
    expect(empty.problems).toHaveLength(1);
  });
});

describe('classroom keys in writeParams', () => {
  test('written after the values, as classroomKeys gives them', () => {
    const classroom = { hide: ['x', 'form'], lock: ['w'], reveal: 'results' as const };
    expect(classroomKeys(classroom)).toEqual({ hide: 'x,form', lock: 'w', reveal: 'results' });
    expect(classroomKeys(NO_CLASSROOM)).toEqual({});
    const s = writeParams('?other.k=1', 'od1', schema, { ...defaults(schema), form: 'z' }, { mine: false }, classroomKeys(classroom));
    expect(s).toBe('?other.k=1&od1.form=z&od1.hide=x%2Cform&od1.lock=w&od1.reveal=results');
    const back = read(s, 'od1', schema);
    expect(back.classroom).toEqual(classroom);
    expect(back.values).toEqual({ ...defaults(schema), form: 'z' });
    expect(writeParams(s, 'od1', schema, back.values, back.kit, classroomKeys(back.classroom))).toBe(s);
    // Without classroom keys readParams reports none.
    expect(readParams('?od1.x=1', 'od1', schema).classroom).toBeUndefined();
  });
  test('without classroom settings the query is as before', () => {
    expect(writeParams('', 'od1', schema, defaults(schema))).toBe('');
  });
});

describe('embed snippet and message', () => {
  test('the iframe is titled, full width, escaped, and the listener sizes the iframe the message came from', () => {
    const s = embedSnippet('https://book.example/embed/output-delta/?od1.x=2&od1.hide=w', 'The output delta "δ"', 'od1');
    expect(s).toContain('<iframe src="https://book.example/embed/output-delta/?od1.x=2&amp;od1.hide=w" title="The output delta &quot;δ&quot;" width="100%"');
    expect(s).toContain('data-bp-embed="od1"');
    expect(s).toContain('d.type!=="bp-embed-height"');
    expect(s).toContain('f.contentWindow===e.source');
  });
  test('isEmbedHeight accepts only the documented message', () => {
    expect(isEmbedHeight({ type: 'bp-embed-height', id: 'od1', height: 812 })).toBe(true);
    for (const bad of [null, 'bp-embed-height', { type: 'bp-embed-height', id: 'od1' }, { type: 'other', id: 'od1', height: 1 }, { type: 'bp-embed-height', id: 'od1', height: Number.NaN }, { type: 'bp-embed-height', id: 'od1', height: -1 }]) {
      expect(isEmbedHeight(bad)).toBe(false);
    }
  });
});

describe('qrSvg', () => {
  const link = 'https://book.example/output-delta/?od1.x=2&od1.hide=w&od1.reveal=derivation#od1';
  test('draws exactly the encoder’s modules, and the drawing decodes to the link', () => {
    const modules = encodeQR(link, 'raw', { ecc: 'medium', border: 4 });
    const svg = qrSvg(modules, 'QR code');
    expect(qrModules(svg)).toEqual(modules);
    expect(decodeQR(bitmap(qrModules(svg)))).toBe(link);
  });
  test('a known vector: "HELLO WORLD" at ecc quartile is a version-1 code (21 × 21, plus 4 quiet modules a side) with its finder patterns', () => {
    const modules = encodeQR('HELLO WORLD', 'raw', { ecc: 'quartile', border: 4 });
    expect(modules).toHaveLength(29);
    const finder = ['1111111', '1000001', '1011101', '1011101', '1011101', '1000001', '1111111'];
    const at = (x0: number, y0: number) => finder.map((_, y) => modules[y0 + 4 + y]!.slice(x0 + 4, x0 + 11).map((d) => (d ? '1' : '0')).join(''));
    expect(at(0, 0)).toEqual(finder);
    expect(at(14, 0)).toEqual(finder);
    expect(at(0, 14)).toEqual(finder);
    expect(decodeQR(bitmap(modules))).toBe('HELLO WORLD');
  });
  test('the SVG is a white square of the modules, runs merged, with a label', () => {
    const svg = qrSvg([[true, true, false], [false, false, true], [false, false, false]], 'QR <code>');
    expect(svg).toContain('viewBox="0 0 3 3"');
    expect(svg).toContain('aria-label="QR &lt;code&gt;"');
    expect(svg).toContain('d="M0 0h2v1h-2zM2 1h1v1h-1z"');
  });
});
