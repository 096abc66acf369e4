// controls.ts — one adapter per parameter kind, between a control's markup (rendered at build time by
// src/kit/controls/*.astro) and the values of params.ts. An adapter wires its control (emit a valid
// value, or say why the text is refused) and writes a value back into it (after Reset or a URL).
// A new kind of parameter is a new adapter here and a new .astro control; nothing else changes.
import { fmt } from '../../format/number.ts';
import { check, checkCell, plainNumber, type MatrixParam, type NumberParam, type Param, type Value } from '../params.ts';

export interface Control {
  wire(box: HTMLElement, emit: (value: Value) => void, say: (message: string) => void): void;
  write(box: HTMLElement, value: Value): void;
}

const field = (box: HTMLElement): HTMLInputElement | null => box.querySelector<HTMLInputElement>('input[data-field]');
const rangeOf = (box: HTMLElement): HTMLInputElement | null => box.querySelector<HTMLInputElement>('input[type="range"]');

/** A log slider moves in steps of log₁₀; the value it gives is rounded to 3 significant digits. */
function fromSlider(p: NumberParam, t: number): number {
  if (p.scale === 'linear') return t;
  return Math.min(p.max, Math.max(p.min, Number((10 ** t).toPrecision(3))));
}

function toSlider(p: NumberParam, v: number): number {
  return p.scale === 'log' ? Math.log10(v) : v;
}

const numberControl = (p: NumberParam): Control => ({
  wire(box, emit, say) {
    const range = rangeOf(box), text = field(box);
    range?.addEventListener('input', () => {
      const v = fromSlider(p, Number(range.value));
      if (text) text.value = plainNumber(v);
      if (p.scale === 'log') range.setAttribute('aria-valuetext', fmt(v));
      say('');
      emit(v);
    });
    text?.addEventListener('input', () => {
      const c = check(p, text.value);
      if (!c.ok) { say(c.message); return; }
      say('');
      if (range) writeRange(p, range, c.value);
      emit(c.value);
    });
  },
  write(box, value) {
    const range = rangeOf(box), text = field(box);
    if (range) writeRange(p, range, value as number);
    if (text) text.value = plainNumber(value as number);
  },
});

function writeRange(p: NumberParam, range: HTMLInputElement, v: number): void {
  range.value = String(toSlider(p, v));
  if (p.scale === 'log') range.setAttribute('aria-valuetext', fmt(v));
}

const textControl = (p: Param): Control => ({
  wire(box, emit, say) {
    const text = field(box);
    text?.addEventListener('input', () => {
      const c = check(p, text.value);
      if (!c.ok) { say(c.message); return; }
      say('');
      emit(c.value);
    });
    // The seed's "New seed" button: a random whole number, from the browser (the engine stays seeded).
    box.querySelector('[data-new-seed]')?.addEventListener('click', () => {
      const s = crypto.getRandomValues(new Uint32Array(1))[0]!;
      if (text) text.value = String(s);
      say('');
      emit(s);
    });
  },
  write(box, value) {
    const text = field(box);
    if (text) text.value = String(value);
  },
});

const choiceControl: Control = {
  wire(box, emit) {
    for (const radio of box.querySelectorAll<HTMLInputElement>('input[type="radio"]')) {
      radio.addEventListener('change', () => { if (radio.checked) emit(radio.value); });
    }
    const select = box.querySelector('select');
    select?.addEventListener('change', () => emit(select.value));
  },
  write(box, value) {
    for (const radio of box.querySelectorAll<HTMLInputElement>('input[type="radio"]')) radio.checked = radio.value === value;
    const select = box.querySelector('select');
    if (select) select.value = String(value);
  },
};

const toggleControl: Control = {
  wire(box, emit) {
    const input = box.querySelector<HTMLInputElement>('input[type="checkbox"]');
    input?.addEventListener('change', () => emit(input.checked));
  },
  write(box, value) {
    const input = box.querySelector<HTMLInputElement>('input[type="checkbox"]');
    if (input) input.checked = value === true;
  },
};

const matrixControl = (p: MatrixParam): Control => {
  const cells = (box: HTMLElement) => [...box.querySelectorAll<HTMLInputElement>('input[data-cell]')];
  const at = (input: HTMLInputElement): [number, number] => input.dataset['cell']!.split(',').map(Number) as [number, number];
  return {
    wire(box, emit, say) {
      for (const input of cells(box)) {
        input.addEventListener('input', () => {
          // Every cell is checked, so a message names the first bad one and clears when all are good.
          const rows: number[][] = Array.from({ length: p.rows }, () => []);
          let problem = '';
          for (const cell of cells(box)) {
            const [i, j] = at(cell);
            const c = checkCell(p, i, j, cell.value);
            cell.toggleAttribute('aria-invalid', !c.ok);
            if (c.ok) rows[i]![j] = c.value;
            else if (!problem) problem = c.message;
          }
          say(problem);
          if (!problem) emit(rows);
        });
      }
    },
    write(box, value) {
      const m = value as readonly (readonly number[])[];
      for (const cell of cells(box)) {
        const [i, j] = at(cell);
        cell.value = plainNumber(m[i]![j]!);
        cell.removeAttribute('aria-invalid');
      }
    },
  };
};

export function controlFor(p: Param): Control | null {
  switch (p.kind) {
    case 'number': return numberControl(p);
    case 'seed': return textControl(p);
    case 'choice': return choiceControl;
    case 'toggle': return toggleControl;
    case 'matrix': return matrixControl(p);
    case 'text': return textControl(p);
    case 'state': return null;
  }
}

/** Shows (or clears) a parameter's message under its control and marks its fields invalid. */
export function sayIn(box: HTMLElement, message: string): void {
  const msg = box.querySelector<HTMLElement>('[data-msg]');
  if (msg) { msg.textContent = message; msg.hidden = message === ''; }
  const f = field(box);
  if (f) f.toggleAttribute('aria-invalid', message !== '');
  if (message === '') for (const cell of box.querySelectorAll('input[data-cell]')) cell.removeAttribute('aria-invalid');
}
