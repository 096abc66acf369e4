// The painter (src/kit/dom/painter.ts) on a stand-in DOM: only what paint() touches (attributes, text,
// querySelectorAll with attribute selectors), so it runs in Vitest's node environment. What it pins:
// data-show-when hides and shows SVG elements as well as HTML ones. SVG elements have no `hidden`
// property, only the attribute, so a painter that set `el.hidden` left an SVG curve shown forever.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { paint } from '../../../src/kit/dom/painter';

/** An element with attributes and children, and no `hidden` property: like an SVG element. */
class FakeElement {
  readonly attrs = new Map<string, string>();
  readonly tagName: string;
  readonly children: FakeElement[];
  textContent = '';
  constructor(tagName: string, attrs: Record<string, string> = {}, children: FakeElement[] = []) {
    this.tagName = tagName;
    this.children = children;
    for (const [k, v] of Object.entries(attrs)) this.attrs.set(k, v);
  }
  getAttribute(name: string): string | null { return this.attrs.get(name) ?? null; }
  hasAttribute(name: string): boolean { return this.attrs.has(name); }
  setAttribute(name: string, value: string): void { this.attrs.set(name, value); }
  toggleAttribute(name: string, force: boolean): boolean {
    if (force) this.attrs.set(name, ''); else this.attrs.delete(name);
    return force;
  }
  /** `[name]`, `[name="value"]`, optionally after a tag name: all the painter asks for. */
  querySelectorAll(selector: string): FakeElement[] {
    const m = /^(\w+)?\[([\w-]+)(?:="([^"]*)")?\]$/.exec(selector);
    if (!m) throw new Error(`the stand-in DOM does not know the selector ${selector}`);
    const [, tag, name, value] = m;
    const all = this.children.flatMap((c) => [c, ...c.descendants()]);
    return all.filter((el) => (!tag || el.tagName === tag) && el.hasAttribute(name!) && (value === undefined || el.getAttribute(name!) === value));
  }
  private descendants(): FakeElement[] { return this.children.flatMap((c) => [c, ...c.descendants()]); }
}

/** An HTML element: its `hidden` property reflects the attribute. */
class FakeHtmlElement extends FakeElement {
  get hidden(): boolean { return this.hasAttribute('hidden'); }
  set hidden(on: boolean) { this.toggleAttribute('hidden', on); }
}

const original = (globalThis as { document?: unknown }).document;
beforeEach(() => { (globalThis as { document?: unknown }).document = { activeElement: null }; });
afterEach(() => { (globalThis as { document?: unknown }).document = original; });

describe('paint(root, result): flags', () => {
  test('data-show-when hides and shows an SVG element (no hidden property) and an HTML one alike', () => {
    const curve = new FakeElement('path', { 'data-show-when': 'bug', hidden: '' });
    const legend = new FakeElement('g', { 'data-show-when': '!bug' });
    const note = new FakeHtmlElement('p', { 'data-show-when': 'bug', hidden: '' });
    const root = new FakeHtmlElement('bp-widget', { id: 'sd1' }, [new FakeElement('svg', {}, [curve, legend]), note]);
    const paintWith = (bug: boolean) => paint(root as unknown as HTMLElement, { numbers: {}, flags: { bug } }, null);

    paintWith(true);
    expect([curve.hasAttribute('hidden'), legend.hasAttribute('hidden'), note.hidden]).toEqual([false, true, false]);
    paintWith(false);
    expect([curve.hasAttribute('hidden'), legend.hasAttribute('hidden'), note.hidden]).toEqual([true, false, true]);
    expect('hidden' in curve, 'the SVG stand-in has no hidden property').toBe(false);
  });

  test('an element whose flag the result does not have is left as it is', () => {
    const marker = new FakeElement('circle', { 'data-show-when': 'other', hidden: '' });
    const root = new FakeHtmlElement('bp-widget', { id: 'sd1' }, [marker]);
    paint(root as unknown as HTMLElement, { numbers: {}, flags: { bug: true } }, null);
    expect(marker.hasAttribute('hidden')).toBe(true);
  });

  test('marked numbers are written with the book’s formatter, in SVG text too', () => {
    const label = new FakeElement('tspan', { 'data-v': 'dadz', 'data-style': 'factor' });
    const root = new FakeHtmlElement('bp-widget', { id: 'sd1' }, [label]);
    paint(root as unknown as HTMLElement, { numbers: { dadz: -0.24613 } }, null);
    expect(label.textContent).toBe('(−0.2461)');
  });
});
