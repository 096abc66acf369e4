// params.ts — a widget's parameters: what a reader can set, declared once by kind, each kind with its
// own reading of typed text (or of a URL value) and its own writing back. PURE: no window, no DOM;
// the controls that show these parameters are in dom/controls.ts, one adapter per kind.
//
//   kind      value        control                         in the URL
//   number    number       slider (linear or log) + field  od1.x=0.7
//   choice    one option   radio buttons or a select       sd1.form=z
//   toggle    boolean      a switch                        sd1.bug=on
//   seed      whole number field + "New seed" button      xor1.seed=42
//   matrix    number[][]   a grid of fields                n1.W1=0.1,-0.2;0.4,0.3
//   state     whole number none: the widget sets it       wu1.steps=12
//   text      string       a text field, checked by a rule gc1.df=x*(1-x)
import { fmt, parseNumber } from '../format/number.ts';

interface Common<V> {
  readonly default: V;
  /** The control's label, as the reader sees it: "Learning rate". */
  readonly label: string;
  /** The book's symbol after the label, plain text: "α", "w⁽¹⁾". */
  readonly symbol?: string;
}

/** A real number (or a whole number, with integer), e.g. the input x or the learning rate α. */
export interface NumberParam extends Common<number> {
  readonly kind: 'number';
  /** Smallest and largest accepted values (inclusive); the slider spans them. */
  readonly min: number;
  readonly max: number;
  /** The slider's step (arrow keys move by it); typed values may be finer. On a log scale, a step of log₁₀. */
  readonly step: number;
  /** 'log': the slider moves by factors (0.001 … 100 in even steps of log₁₀), for rates and sizes. */
  readonly scale: 'linear' | 'log';
  /** Only whole numbers (a count). */
  readonly integer: boolean;
}

/** One option of a choice; `disableWhen` names a flag of the widget's result that disables it (data-disable-when). */
export interface ChoiceOption<T extends string = string> {
  readonly value: T;
  readonly label: string;
  readonly disableWhen?: string;
}

export interface ChoiceParam<T extends string = string> extends Common<T> {
  readonly kind: 'choice';
  readonly options: readonly ChoiceOption<T>[];
  /** Radio buttons (few, short options) or a select. */
  readonly control: 'radio' | 'select';
}

export interface ToggleParam extends Common<boolean> {
  readonly kind: 'toggle';
}

/** The seed of a random start (mulberry32): a whole number 0 … 2³² − 1, with a "New seed" button. */
export interface SeedParam extends Common<number> {
  readonly kind: 'seed';
}

export type Mat = readonly (readonly number[])[];

/** A small matrix (or vector, one column) of numbers, e.g. the weights W⁽¹⁾ of a 2-2-1 network. */
export interface MatrixParam extends Common<Mat> {
  readonly kind: 'matrix';
  readonly rows: number;
  readonly cols: number;
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

/** Widget-owned state (a step count): no control, but read from and written to the URL. */
export interface StateParam extends Common<number> {
  readonly kind: 'state';
  readonly min: number;
  readonly max: number;
}

/**
 * Free text that a rule of the widget's accepts or refuses, e.g. a formula in x. The rule is pure
 * (no DOM) and says why a text is refused; the kit shows that under the field, keeps the last accepted
 * value, and refuses it in a link like any other value. The text is only ever shown as text.
 */
export interface TextParam extends Common<string> {
  readonly kind: 'text';
  /** Longest text accepted, in characters (at most 200, the limit of every value). */
  readonly maxLength: number;
  /** Why the text is refused, as a clause ("unexpected ‘)’ at column 7"), or null when it is accepted. */
  readonly refuse: (text: string) => string | null;
}

export type Param = NumberParam | ChoiceParam | ToggleParam | SeedParam | MatrixParam | StateParam | TextParam;
export type Schema = Readonly<Record<string, Param>>;

export type ValueOf<P extends Param> =
  P extends ChoiceParam<infer T> ? T :
  P extends ToggleParam ? boolean :
  P extends MatrixParam ? Mat :
  P extends TextParam ? string :
  number;

/** The typed values of a schema. */
export type Values<S extends Schema> = { readonly [K in keyof S]: ValueOf<S[K]> };
export type Value = number | string | boolean | Mat;

// --- declaring parameters -----------------------------------------------------------------------

interface Labelled { readonly label: string; readonly symbol?: string }

export function num(def: number, o: Labelled & { min: number; max: number; step?: number; scale?: 'linear' | 'log'; integer?: boolean }): NumberParam {
  const scale = o.scale ?? 'linear';
  if (scale === 'log' && !(o.min > 0)) throw new RangeError(`${o.label}: a log scale needs min > 0, got ${o.min}`);
  const p: NumberParam = { kind: 'number', default: def, label: o.label, ...symbolOf(o), min: o.min, max: o.max, step: o.step ?? (scale === 'log' ? 0.05 : 0.01), scale, integer: o.integer ?? false };
  return assertDefault(p);
}

/** A whole number with a slider: `int(2, { min: 1, max: 8, label: 'Hidden units' })`. */
export function int(def: number, o: Labelled & { min: number; max: number }): NumberParam {
  return num(def, { ...o, step: 1, integer: true });
}

/**
 * One of a few options: `choice('a', ['a', 'z'], { label: 'Form' })`. An option given as
 * `{ value, label, disableWhen: 'flag' }` is disabled while the result's flag holds (an option that
 * cannot be computed for the other values, e.g. a loss for a target it does not accept).
 */
export function choice<const T extends string>(def: T, options: readonly (T | ChoiceOption<T>)[], o: Labelled & { control?: 'radio' | 'select' }): ChoiceParam<T> {
  const opts = options.map((x) => (typeof x === 'string' ? { value: x, label: x } : x));
  return assertDefault({ kind: 'choice', default: def, options: opts, label: o.label, ...symbolOf(o), control: o.control ?? (opts.length <= 4 ? 'radio' : 'select') });
}

export function toggle(def: boolean, o: Labelled): ToggleParam {
  return { kind: 'toggle', default: def, label: o.label, ...symbolOf(o) };
}

export function seed(def: number, o: Partial<Labelled> = {}): SeedParam {
  return assertDefault({ kind: 'seed', default: def, label: o.label ?? 'Seed', ...symbolOf(o) });
}

export function matrix(def: Mat, o: Labelled & { min: number; max: number; step?: number }): MatrixParam {
  const rows = def.length, cols = def[0]?.length ?? 0;
  if (rows === 0 || cols === 0 || def.some((r) => r.length !== cols)) throw new RangeError(`${o.label}: the default must be a non-empty rectangular matrix`);
  return assertDefault({ kind: 'matrix', default: def, rows, cols, label: o.label, ...symbolOf(o), min: o.min, max: o.max, step: o.step ?? 0.01 });
}

/** Widget-owned whole-number state, e.g. `state(0, { min: 0, max: 10_000, label: 'Steps taken' })`. */
export function state(def: number, o: Labelled & { min: number; max: number }): StateParam {
  return assertDefault({ kind: 'state', default: def, label: o.label, ...symbolOf(o), min: o.min, max: o.max });
}

/** Text checked by a rule: `text('sigmoid(x)', { label: 'Activation', symbol: 'f(x)', refuse: (s) => … })`. */
export function text(def: string, o: Labelled & { refuse: (text: string) => string | null; maxLength?: number }): TextParam {
  const maxLength = Math.min(o.maxLength ?? 200, 200);
  return assertDefault({ kind: 'text', default: def, label: o.label, ...symbolOf(o), maxLength, refuse: o.refuse });
}

function symbolOf(o: { symbol?: string | undefined }): { symbol?: string } {
  return o.symbol === undefined ? {} : { symbol: o.symbol };
}

function assertDefault<P extends Param>(p: P): P {
  const checked = check(p, serialize(p.default));
  if (!checked.ok) throw new RangeError(`the default of ${phrase(p)} is refused: ${checked.message}`);
  return p;
}

// --- reading what a reader typed, or what a URL says ----------------------------------------------

/** How the book names a parameter in a sentence: "the learning rate α", "the seed". */
export function phrase(p: Param): string {
  const label = p.label.charAt(0).toLowerCase() + p.label.slice(1);
  return `the ${label}${p.symbol ? ` ${p.symbol}` : ''}`;
}

/** Why a value was refused: a short clause ("is not a number") and a sentence for the field. */
export interface Refusal { readonly ok: false; readonly reason: string; readonly message: string }
export type Checked<V> = { readonly ok: true; readonly value: V } | Refusal;

/** Text as it may be quoted back to the reader: trimmed, and cut short if long (a hostile URL). */
export function quote(text: string): string {
  const t = text.trim();
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
}

/** Reads one value of `p` from text (a field, or a URL value), with a sentence saying what is wrong. */
export function check<P extends Param>(p: P, text: string): Checked<ValueOf<P>> {
  return checkAny(p, text) as Checked<ValueOf<P>>;
}

function checkAny(p: Param, text: string): Checked<Value> {
  if (text.length > 200) return refuse('is too long to be a value', `That is too long to be ${phrase(p)}.`);
  switch (p.kind) {
    case 'number': return checkNumber(text, { ...p, what: phrase(p) });
    case 'state': return checkNumber(text, { min: p.min, max: p.max, integer: true, default: p.default, what: phrase(p) });
    case 'seed': return checkNumber(text, { min: 0, max: 2 ** 32 - 1, integer: true, default: p.default, what: phrase(p) });
    case 'toggle': {
      const t = text.trim().toLowerCase();
      if (t === 'on' || t === 'true' || t === '1') return { ok: true, value: true };
      if (t === 'off' || t === 'false' || t === '0') return { ok: true, value: false };
      return refuse('is neither on nor off', `“${quote(text)}” is neither on nor off.`);
    }
    case 'choice': {
      const t = text.trim();
      if (p.options.some((o) => o.value === t)) return { ok: true, value: t };
      const list = p.options.map((o) => o.value).join(', ');
      return refuse(`is not one of ${list}`, `“${quote(text)}” is not one of ${list}.`);
    }
    case 'matrix': return checkMatrix(p, text);
    case 'text': return checkText(p, text);
  }
}

interface NumberRule { min: number; max: number; integer: boolean; default: number; what: string }

/** The range as a sentence: "between −5 and 5", with the bounds in full (never rounded). */
function range(r: NumberRule): string {
  return `between ${bound(r.min)} and ${bound(r.max)}`;
}

/** A bound in full: whole numbers with all their digits (4294967295), others to 15 significant digits. */
function bound(x: number): string {
  return Number.isInteger(x) ? String(x).replace('-', '−') : fmt(x, { digits: 15 });
}

function checkNumber(text: string, r: NumberRule): Checked<number> {
  const parsed = parseNumber(text);
  // The rejected text is quoted as typed (5.0001 stays 5.0001), with the book's minus sign.
  const typed = quote(text).replace(/^-/, '−');
  if (!parsed.ok) {
    switch (parsed.reason) {
      case 'empty': return refuse('is empty', `Enter a number for ${r.what}, ${range(r)}.`);
      case 'too-large': return refuse('is too large to compute with', `${typed} is too large to compute with: enter a number ${range(r)}.`);
      case 'not-a-number': return refuse('is not a number', `“${quote(text)}” is not a number: enter ${r.what} as ${r.integer ? 'a whole number' : 'a decimal'}, like ${bound(r.default)}.`);
    }
  }
  const x = parsed.value;
  if (r.integer && !Number.isInteger(x)) return refuse('is not a whole number', `${typed} is not a whole number: enter ${r.what} as a whole number.`);
  if (x < r.min || x > r.max) return refuse(`is outside the range ${range(r)}`, `${typed} is outside the range of ${r.what}: enter a number ${range(r)}.`);
  return { ok: true, value: x };
}

/** Text as typed (not trimmed: a rule's columns count from the first character), if its rule accepts it. */
function checkText(p: TextParam, text: string): Checked<string> {
  if (text.length > p.maxLength) return refuse(`is longer than ${p.maxLength} characters`, `That is longer than ${p.maxLength} characters, too long for ${phrase(p)}.`);
  const why = p.refuse(text);
  if (why === null) return { ok: true, value: text };
  const label = p.label.charAt(0).toUpperCase() + p.label.slice(1);
  return refuse(`is refused: ${why}`, `${label}${p.symbol ? ` ${p.symbol}` : ''}: ${why}.`);
}

/** "0.1,-0.2;0.4,0.3": rows separated by ";", entries by ",". */
function checkMatrix(p: MatrixParam, text: string): Checked<Mat> {
  const rows = text.trim().split(';');
  if (rows.length !== p.rows || rows.some((r) => r.split(',').length !== p.cols)) {
    return refuse(`is not a ${p.rows}×${p.cols} matrix`, `“${quote(text)}” is not a ${p.rows}×${p.cols} matrix for ${phrase(p)}.`);
  }
  const out: number[][] = [];
  for (const [i, row] of rows.entries()) {
    const r: number[] = [];
    for (const [j, cell] of row.split(',').entries()) {
      const c = checkCell(p, i, j, cell);
      if (!c.ok) return c;
      r.push(c.value);
    }
    out.push(r);
  }
  return { ok: true, value: out };
}

/** One entry of a matrix, as typed into its field. */
export function checkCell(p: MatrixParam, i: number, j: number, text: string): Checked<number> {
  return checkNumber(text, { min: p.min, max: p.max, integer: false, default: p.default[i]![j]!, what: cellName(p, i, j) });
}

/** "W⁽¹⁾ row 1, column 2" (1-based, as the book counts). */
export function cellName(p: MatrixParam, i: number, j: number): string {
  const name = p.symbol ?? p.label;
  return p.cols === 1 ? `${name} entry ${i + 1}` : `${name} row ${i + 1}, column ${j + 1}`;
}

function refuse(reason: string, message: string): Refusal {
  return { ok: false, reason, message };
}

// --- writing values back ------------------------------------------------------------------------

/** A number as it goes into a URL or a field: shortest exact form, "-" not "−", never "-0". */
export function plainNumber(x: number): string {
  return String(x + 0);
}

/** A value as text that `check` reads back to the same value (for URLs and fields). */
export function serialize(v: Value): string {
  if (typeof v === 'boolean') return v ? 'on' : 'off';
  if (typeof v === 'number') return plainNumber(v);
  if (typeof v === 'string') return v;
  return v.map((row) => row.map(plainNumber).join(',')).join(';');
}

/** Whether two values of a parameter are the same (matrices compared entry by entry). */
export function sameValue(a: Value, b: Value): boolean {
  if (typeof a !== 'object' || typeof b !== 'object') return Object.is(a, b) || a === b;
  return a.length === b.length && a.every((row, i) => row.length === b[i]!.length && row.every((x, j) => x === b[i]![j]));
}

export function defaults<S extends Schema>(schema: S): Values<S> {
  const out: Record<string, Value> = {};
  for (const [key, p] of Object.entries(schema)) out[key] = p.default;
  return out as Values<S>;
}

/** The parameters the reader sets (everything but widget-owned state), in schema order. */
export function inputKeys<S extends Schema>(schema: S): (keyof S & string)[] {
  return Object.keys(schema).filter((k) => schema[k]!.kind !== 'state');
}
