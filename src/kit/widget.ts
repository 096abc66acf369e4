// widget.ts — what a widget is, without the DOM: a schema (what the reader sets), pure actions (what
// buttons do to the values), an optional long-lived session (a run that keeps its state between
// frames), and compute (everything the widget shows, for given values). The generic element
// <bp-widget> (dom/element.ts) calls these and paints what compute returns; it decides nothing itself.
//
//   values ──compute──▶ Result { numbers, flags, shapes, markup, text, canvas } ──check──▶ paint
//     ▲                                                     (a non-finite number refuses the frame)
//     └── an input, an action (Step, Start over), Reset, a URL, the Player
import { NonFiniteError } from '../engine/errors.ts';
import { defaults, inputKeys, serialize, type Schema, type Value, type Values } from './params.ts';
import { presetQuery } from './url-state.ts';
import type { HeatmapImage } from './heatmap.ts';
import type { ExportCase } from './export-case.ts';

/** SVG/HTML attributes of one drawn shape, by attribute name. */
export type Attrs = Readonly<Record<string, number | string>>;

/** Everything a widget shows for one set of values. Only `numbers` is required. */
export interface Result {
  /** Marked numbers by name (data-v="name" in the markup): prose, equations, MathML, labels, SVG text. */
  readonly numbers: Readonly<Record<string, number>>;
  /** Conditions the markup shows or hides things by (data-show-when="name", data-disable-when="name"). */
  readonly flags?: Readonly<Record<string, boolean>>;
  /** Attributes of shapes that move (data-shape="name"): markers, lines, paths, bars. */
  readonly shapes?: Readonly<Record<string, Attrs>>;
  /** Markup rebuilt as a whole (data-markup="name"): axes whose ticks change, a graph at a step. */
  readonly markup?: Readonly<Record<string, string>>;
  /** Plain text (data-text="name"): a step counter, a status line. */
  readonly text?: Readonly<Record<string, string>>;
  /** Pixels for canvases (data-canvas="name"): heat maps. */
  readonly canvas?: Readonly<Record<string, HeatmapImage>>;
}

/** A pure transition of the values: what a button does ("step", "start over"). */
export type Action<S extends Schema, Run> = (values: Values<S>, run: Run) => Values<S>;

export interface WidgetSpec<S extends Schema, R extends Result, A extends string, Run> {
  /** The model's name, kebab-case: <bp-widget data-model="output-delta">. */
  readonly name: string;
  readonly schema: S;
  /**
   * A long-lived run for values (e.g. gradient descent that keeps its trajectory between frames).
   * The kit makes a new one whenever an input (a parameter that is not state) changes.
   */
  readonly session?: (values: Values<S>) => Run;
  readonly compute: (values: Values<S>, run: Run) => R;
  /** Buttons with data-action="name" apply these. */
  readonly actions?: { readonly [K in A]: Action<S, Run> };
  /** What an input change does to the rest of the values (e.g. start again from step 0). */
  readonly onInput?: (next: Values<S>, previous: Values<S>, key: keyof S & string) => Values<S>;
  // (NoInfer: the actions' names come from `actions` alone; naming one here must not narrow them.)
  /** Play/Pause repeats an action, `perSecond` times a second at speed 1, until `done`. */
  readonly play?: { readonly action: NoInfer<A>; readonly perSecond: number; readonly done: (values: Values<S>, run: Run) => boolean };
  /** After an action, a sentence for screen readers, from the result (e.g. "12 steps taken."). */
  readonly announce?: (action: NoInfer<A>, result: R) => string;
  /**
   * The worked example at these values as a dense network, a batch and α, for Export (src/export/):
   * JSON test vectors and NumPy/PyTorch scripts. Only widgets that have it show an Export button.
   */
  readonly vectors?: (values: Values<S>, run: Run) => ExportCase;
}

export interface WidgetModel<S extends Schema = Schema, R extends Result = Result, A extends string = string, Run = unknown>
  extends WidgetSpec<S, R, A, Run> {
  /** The values a widget starts from. */
  readonly defaults: Values<S>;
  /** compute() for the defaults, with a fresh session: the first frame, rendered into the HTML. */
  first(): R;
  /** A fresh session for values (undefined if the model has none). */
  start(values: Values<S>): Run;
  /** The identity of the inputs a session depends on: a new session when this changes. */
  sessionKey(values: Values<S>): string;
}

export function defineWidget<S extends Schema, R extends Result, A extends string = never, Run = undefined>(
  spec: WidgetSpec<S, R, A, Run>,
): WidgetModel<S, R, A, Run> {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(spec.name)) throw new Error(`widget name "${spec.name}": use kebab-case letters and digits`);
  for (const key of Object.keys(spec.schema)) {
    if (!/^[a-zA-Z][a-zA-Z0-9]*$/.test(key) || key === 'mine') throw new Error(`${spec.name}: "${key}" cannot be a parameter name`);
  }
  const start = (values: Values<S>): Run => (spec.session ? spec.session(values) : (undefined as Run));
  const inputs = inputKeys(spec.schema);
  return {
    ...spec,
    defaults: defaults(spec.schema),
    start,
    first() {
      const values = defaults(spec.schema);
      const result = spec.compute(values, start(values));
      checkResult(result);
      checkOptionFlags(spec.name, spec.schema, result);
      return result;
    },
    sessionKey(values) {
      return inputs.map((k) => serialize(values[k] as Value)).join('&');
    },
  };
}

/**
 * A link to a widget preset on the same page: `presetHref(outputDelta, 'od1', { y: 0.8 })` →
 * "?od1.y=0.8#od1". The keys are checked by the type system and the values by the schema at build
 * time, so prose cannot link to a parameter the widget does not have.
 */
export function presetHref<S extends Schema>(model: { readonly schema: S }, id: string, preset: Partial<Values<S>>): string {
  return presetQuery(id, model.schema, preset);
}

/**
 * Checks a result before anything is written ("compute first, write last", by construction): every
 * number finite, every shape attribute a finite number or a clean string, markup and text free of
 * NaN/Infinity/undefined, canvases the size they say. Throws NonFiniteError naming the quantity.
 */
export function checkResult(r: Result): void {
  for (const [name, v] of Object.entries(r.numbers)) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new NonFiniteError(`${name} would be ${String(v)}, which cannot be shown`, name, Number(v));
  }
  for (const [name, attrs] of Object.entries(r.shapes ?? {})) {
    for (const [attr, v] of Object.entries(attrs)) {
      if (typeof v === 'number' ? !Number.isFinite(v) : BAD_TEXT.test(v)) {
        throw new NonFiniteError(`the ${attr} of ${name} would be ${String(v)}, which cannot be drawn`, `${name}.${attr}`, Number(v));
      }
    }
  }
  for (const [name, s] of [...Object.entries(r.markup ?? {}), ...Object.entries(r.text ?? {})]) {
    if (BAD_TEXT.test(s)) throw new NonFiniteError(`${name} would show “${BAD_TEXT.exec(s)![0]}”`, name, Number.NaN);
  }
  for (const [name, img] of Object.entries(r.canvas ?? {})) {
    if (img.rgba.length !== img.width * img.height * 4) throw new RangeError(`canvas ${name}: ${img.rgba.length} bytes for ${img.width}×${img.height}`);
  }
  for (const [name, f] of Object.entries(r.flags ?? {})) {
    if (typeof f !== 'boolean') throw new TypeError(`flag ${name} is ${String(f)}, not a boolean`);
  }
}

const BAD_TEXT = /NaN|Infinity|undefined/;

/** One input named by prose worked "with my numbers" (Follow.astro): its key, its symbol, and whether its value is printed. */
export interface FollowedInput { readonly key: string; readonly symbol: string; readonly withValue: boolean }

/**
 * The reader's inputs that <Follow> names, in schema order: number parameters the widget also reports,
 * with their value ("x = 0.5"), and matrices by their symbol alone ("W⁽¹⁾"): their entries are in the
 * widget's fields, too many for one sentence. Choices, toggles, seeds and state are not named.
 */
export function followedInputs(schema: Schema, numbers: Readonly<Record<string, number>>): FollowedInput[] {
  return Object.entries(schema).flatMap(([key, p]): FollowedInput[] => {
    if (p.kind === 'number' && Object.hasOwn(numbers, key)) return [{ key, symbol: p.symbol ?? key, withValue: true }];
    if (p.kind === 'matrix') return [{ key, symbol: p.symbol ?? p.label, withValue: false }];
    return [];
  });
}

/** A choice option disabled by a flag needs that flag in every result (checked on the first frame, at build time). */
function checkOptionFlags(name: string, schema: Schema, r: Result): void {
  for (const [key, p] of Object.entries(schema)) {
    if (p.kind !== 'choice') continue;
    for (const o of p.options) {
      if (o.disableWhen !== undefined && typeof r.flags?.[o.disableWhen] !== 'boolean') {
        throw new Error(`${name}: option "${o.value}" of ${key} is disabled by the flag "${o.disableWhen}", which compute does not return`);
      }
    }
  }
}

/** The attributes that show a build-time element only while a flag holds: {...showWhen(result, 'saturated')}. */
export function showWhen<R extends Result>(r: R, flag: keyof NonNullable<R['flags']> & string, negate = false): { 'data-show-when': string; hidden: boolean } {
  const on = r.flags?.[flag as string];
  if (on === undefined) throw new Error(`showWhen: the result has no flag "${flag}"`);
  return { 'data-show-when': negate ? `!${flag}` : flag, hidden: negate ? on : !on };
}

/** The attributes of a moving shape at build time: <circle {...shape(result, 'marker')} r="5" />. */
export function shape<R extends Result>(r: R, name: keyof NonNullable<R['shapes']> & string): Attrs & { 'data-shape': string } {
  const attrs = r.shapes?.[name as string];
  if (!attrs) throw new Error(`shape: the result has no shape "${name}"`);
  return { 'data-shape': name, ...attrs };
}

/** A result's value for a key, for values typed as Value (the element's generic side). */
export type AnyValues = Record<string, Value>;
