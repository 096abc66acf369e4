// expression.ts — formulas in one variable x, as a reader types them ("x*(1 - x)", "1/(sqrt(1 + x**2) + 0.5)",
// "sigmoid(x)(1 − sigmoid(x))"), read by a small recursive-descent parser into a tree and evaluated by
// walking it. SAFE by construction: no eval, no Function, no property lookups by name — only the
// operators and functions listed here; a length and a nesting limit; errors that point at a column.
// Used where the book lets a reader type a derivative (the pitfalls chapter, exercises).
//
//   sum     := product (('+' | '-') product)*
//   product := unary (('*' | '/' | implicit) unary)*     "2x", "x(1 - x)", "(x + 1)(x - 1)"
//   unary   := ('-' | '+') unary | power
//   power   := atom (('^' | '**') unary)?                right-associative: 2^-x, 2^3^2 = 2^9
//   atom    := number | 'x' | 'e' | 'pi' | name '(' sum ')' | '(' sum ')'
import { sigmoid, tanh } from './activations.ts';

export type Expr =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'x' }
  | { readonly kind: 'negate'; readonly arg: Expr }
  | { readonly kind: 'binary'; readonly op: '+' | '-' | '*' | '/' | '^'; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'call'; readonly fn: FunctionName; readonly arg: Expr };

/** The functions a formula may call. */
export const FUNCTIONS = {
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  abs: Math.abs,
  sigmoid,
  tanh,
} as const;
export type FunctionName = keyof typeof FUNCTIONS;

const CONSTANTS: Readonly<Record<string, number>> = { e: Math.E, pi: Math.PI };

export type Parsed = { readonly ok: true; readonly expr: Expr } | { readonly ok: false; readonly message: string; readonly column: number };

export interface ParseLimits {
  /** Longest formula accepted, in characters (default 200). */
  readonly maxLength?: number;
  /** Deepest nesting of parentheses, calls and signs (default 24). */
  readonly maxDepth?: number;
}

class ParseFailure {
  readonly message: string;
  readonly column: number;
  constructor(message: string, column: number) {
    this.message = message;
    this.column = column;
  }
}

interface Token { readonly type: 'number' | 'name' | 'op' | '(' | ')' | 'end'; readonly text: string; readonly value: number; readonly column: number }

/** Splits a formula into tokens; the typographic minus and multiplication signs are read as - and *. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const column = i + 1;
    if (/\s/.test(c)) { i++; continue; }
    const number = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i));
    if (number) {
      const value = Number(number[0]);
      if (!Number.isFinite(value)) throw new ParseFailure(`the number ${number[0]} is too large`, column);
      tokens.push({ type: 'number', text: number[0], value, column });
      i += number[0].length;
      continue;
    }
    const name = /^[a-zA-Z_]\w*/.exec(text.slice(i));
    if (name) { tokens.push({ type: 'name', text: name[0], value: 0, column }); i += name[0].length; continue; }
    if (text.startsWith('**', i)) { tokens.push({ type: 'op', text: '^', value: 0, column }); i += 2; continue; }
    const op = { '+': '+', '-': '-', '\u2212': '-', '*': '*', '\u00b7': '*', '\u00d7': '*', '/': '/', '^': '^' }[c];
    if (op) { tokens.push({ type: 'op', text: op, value: 0, column }); i++; continue; }
    if (c === '(' || c === ')') { tokens.push({ type: c, text: c, value: 0, column }); i++; continue; }
    throw new ParseFailure(`unexpected ‘${c}’`, column);
  }
  tokens.push({ type: 'end', text: '', value: 0, column: text.length + 1 });
  return tokens;
}

/** Reads a formula in x. Never throws: a problem comes back as a message and the column where it is. */
export function parseExpression(text: string, { maxLength = 200, maxDepth = 24 }: ParseLimits = {}): Parsed {
  if (text.length > maxLength) return { ok: false, message: `the formula is longer than ${maxLength} characters`, column: maxLength + 1 };
  if (text.trim() === '') return { ok: false, message: 'the formula is empty', column: 1 };
  try {
    const tokens = tokenize(text);
    let at = 0;
    let depth = 0;
    const peek = (): Token => tokens[at]!;
    const next = (): Token => tokens[at++]!;
    const deeper = (column: number): void => {
      if (++depth > maxDepth) throw new ParseFailure(`the formula is nested more than ${maxDepth} levels deep`, column);
    };
    const describe = (t: Token): string => (t.type === 'end' ? 'the end of the formula' : `‘${t.text}’`);

    const sum = (): Expr => {
      let left = product();
      while (peek().type === 'op' && (peek().text === '+' || peek().text === '-')) {
        const op = next().text as '+' | '-';
        left = { kind: 'binary', op, left, right: product() };
      }
      return left;
    };
    // An atom can follow another directly: 2x, x(1 - x), (x + 1)(x - 1), 2sigmoid(x).
    const startsAtom = (t: Token): boolean => t.type === 'number' || t.type === 'name' || t.type === '(';
    const product = (): Expr => {
      let left = unary();
      for (;;) {
        const t = peek();
        if (t.type === 'op' && (t.text === '*' || t.text === '/')) {
          next();
          left = { kind: 'binary', op: t.text as '*' | '/', left, right: unary() };
        } else if (startsAtom(t)) {
          left = { kind: 'binary', op: '*', left, right: unary() };
        } else return left;
      }
    };
    const unary = (): Expr => {
      const t = peek();
      if (t.type === 'op' && (t.text === '-' || t.text === '+')) {
        next();
        deeper(t.column);
        const arg = unary();
        depth--;
        return t.text === '-' ? { kind: 'negate', arg } : arg;
      }
      return power();
    };
    const power = (): Expr => {
      const base = atom();
      if (peek().type === 'op' && peek().text === '^') {
        const t = next();
        deeper(t.column);
        const exponent = unary();
        depth--;
        return { kind: 'binary', op: '^', left: base, right: exponent };
      }
      return base;
    };
    const atom = (): Expr => {
      const t = next();
      if (t.type === 'number') return { kind: 'number', value: t.value };
      if (t.type === '(') {
        deeper(t.column);
        const inner = sum();
        depth--;
        if (next().type !== ')') throw new ParseFailure(`‘(’ at column ${t.column} is not closed`, tokens[at - 1]!.column);
        return inner;
      }
      if (t.type === 'name') {
        const name = t.text;
        if (name === 'x') return { kind: 'x' };
        if (Object.hasOwn(CONSTANTS, name)) return { kind: 'number', value: CONSTANTS[name]! };
        if (!Object.hasOwn(FUNCTIONS, name)) {
          throw new ParseFailure(`unknown name ‘${name}’: use x, e, pi and ${Object.keys(FUNCTIONS).join(', ')}`, t.column);
        }
        const open = next();
        if (open.type !== '(') throw new ParseFailure(`${name} needs its argument in parentheses, like ${name}(x)`, open.column);
        deeper(open.column);
        const arg = sum();
        depth--;
        if (next().type !== ')') throw new ParseFailure(`‘(’ at column ${open.column} is not closed`, tokens[at - 1]!.column);
        return { kind: 'call', fn: name as FunctionName, arg };
      }
      throw new ParseFailure(`unexpected ${describe(t)}`, t.column);
    };

    const expr = sum();
    const rest = peek();
    if (rest.type !== 'end') throw new ParseFailure(`unexpected ${describe(rest)}`, rest.column);
    return { ok: true, expr };
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, message: `${e.message} at column ${e.column}`, column: e.column };
    throw e;
  }
}

/** The value at x (NaN or ±∞ where the formula has none, e.g. log(x) at x = −1). */
export function evaluate(expr: Expr, x: number): number {
  switch (expr.kind) {
    case 'number': return expr.value;
    case 'x': return x;
    case 'negate': return -evaluate(expr.arg, x);
    case 'call': return FUNCTIONS[expr.fn](evaluate(expr.arg, x));
    case 'binary': {
      const l = evaluate(expr.left, x), r = evaluate(expr.right, x);
      switch (expr.op) {
        case '+': return l + r;
        case '-': return l - r;
        case '*': return l * r;
        case '/': return l / r;
        case '^': return l ** r;
      }
    }
  }
}

export type Evaluated = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

/** The value at x if it is a finite number, else a sentence saying where the formula has none. */
export function evaluateFinite(expr: Expr, x: number): Evaluated {
  const value = evaluate(expr, x);
  if (Number.isFinite(value)) return { ok: true, value: value + 0 };
  return { ok: false, message: `the formula has no finite value at x = ${String(x).replace('-', '\u2212')}` };
}

/** The formula written back in a canonical form (fully parenthesised where precedence needs it). */
export function printExpression(expr: Expr): string {
  switch (expr.kind) {
    case 'number': return String(expr.value);
    case 'x': return 'x';
    case 'negate': return `(-${printExpression(expr.arg)})`;
    case 'call': return `${expr.fn}(${printExpression(expr.arg)})`;
    case 'binary': return `(${printExpression(expr.left)} ${expr.op} ${printExpression(expr.right)})`;
  }
}
