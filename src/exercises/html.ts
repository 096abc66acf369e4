// html.ts — one exercise as HTML, the same string at build time (the default seed, in the page) and in
// the browser (a student's seed): question, answer field with its tolerance, hints, worked solution.
// Behaviour is added by <bp-exercises> (components/exercises/element.ts) through event delegation, so
// re-rendering an exercise for another seed needs no new listeners.
// N.B. Imported by build-time pages AND by the browser: DOM-free.
import type { Exercise, Instance, Task } from './define.ts';

/** Text for HTML: & < > " escaped (labels and titles are the book's own, but stay safe anyway). */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** What the tolerance note beside a field says. */
export function toleranceText(task: Task): string {
  if (task.kind === 'number') {
    return `to ${task.sig} significant figures${task.percent ? ', in percent (a trailing % is allowed)' : ''}`;
  }
  if (task.kind === 'formula') return 'a formula in x, checked at several values of x';
  return '';
}

function field(ex: Exercise, task: Task): string {
  const id = `ex-${ex.id}`;
  if (task.kind === 'choice') {
    const options = task.options
      .map((o) => `<label class="exercise-option"><input type="radio" name="${id}-choice" value="${esc(o.id)}" data-answer> ${esc(o.label)}</label>`)
      .join('');
    return `<fieldset class="exercise-choices" aria-describedby="${id}-feedback"><legend>Your answer</legend>${options}</fieldset>`;
  }
  const mode = task.kind === 'number' ? ' inputmode="decimal"' : '';
  return `<label class="exercise-label" for="${id}-answer">Your answer: ${esc(task.symbol)} =</label>`
    + `<input class="exercise-input" id="${id}-answer" type="text"${mode} autocomplete="off" autocapitalize="off" spellcheck="false" data-answer aria-describedby="${id}-tolerance ${id}-feedback">`
    + `<span class="exercise-tolerance" id="${id}-tolerance">${esc(toleranceText(task))}</span>`;
}

/** The inside of one exercise's <li> (its number in the chapter is `index` + 1). */
export function exerciseInner(ex: Exercise, inst: Instance, index: number): string {
  const id = `ex-${ex.id}`;
  const hints = inst.hints.map((h, i) => `<li data-hint-index="${i}" hidden>${h}</li>`).join('');
  return `<h3 class="exercise-title" id="${id}-title">Exercise ${index + 1}: ${esc(ex.title)}<span class="exercise-solved" data-solved hidden> · solved ✓</span></h3>`
    + `<div class="exercise-question" data-part="question">${inst.question}</div>`
    + `<form class="exercise-form exercise-js" data-answer-form novalidate>${field(ex, inst.task)}`
    + `<button type="submit" class="exercise-check">Check</button>`
    + `<p class="exercise-feedback" id="${id}-feedback" role="status" aria-live="polite" data-feedback></p></form>`
    + `<div class="exercise-hints exercise-js"><ol class="exercise-hint-list" aria-label="Hints">${hints}</ol>`
    + `<button type="button" class="exercise-hint" data-hint>Show a hint (1 of ${inst.hints.length})</button></div>`
    + `<details class="exercise-solution"><summary>Worked solution, for these values</summary><div data-part="solution">${inst.solution}</div></details>`;
}
