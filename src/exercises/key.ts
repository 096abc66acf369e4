// key.ts — the teacher's answer key: for each student (a seed, or a name hashed to one), every chapter's
// exercises with the student's values, the right answer and the numbers the common mistakes give. The
// same HTML at build time (the default seed, in the page) and in the browser (?seed=…, a range, names).
// N.B. Imported by build-time pages AND by the browser: DOM-free.
import { markHtml } from '../format/names.ts';
import { answerText, variant, type Exercise, type Task } from './define.ts';
import { esc } from './html.ts';
import { DEFAULT_SEED, MAX_SEED, seedFromText } from './seed.ts';

/** A chapter as the key lists it. */
export interface KeyChapter { readonly slug: string; readonly order: number; readonly title: string; readonly exercises: readonly Exercise[] }

/** One student of the key: the seed, and the name it came from if any. */
export interface Student { readonly seed: number; readonly name?: string }

/** The most students one key shows (a class list; a longer range is cut, and the page says so). */
export const MAX_STUDENTS = 60;

/**
 * The students a query string asks for: ?seed=7, ?from=1&to=30, or ?students=Ada Lovelace,s1234567,12
 * (names and numbers separated by commas or new lines). Nothing valid: the default seed.
 */
export function studentsFromSearch(search: string): { students: Student[]; note: string | null } {
  const q = new URLSearchParams(search);
  const out: Student[] = [];
  let note: string | null = null;
  const whole = (s: string | null) => (s !== null && /^\d{1,10}$/.test(s) && Number(s) <= MAX_SEED ? Number(s) : null);
  const from = whole(q.get('from')), to = whole(q.get('to'));
  if (from !== null && to !== null && to >= from) {
    for (let s = from; s <= to && out.length < MAX_STUDENTS; s++) out.push({ seed: s });
    if (to - from + 1 > MAX_STUDENTS) note = `Only the first ${MAX_STUDENTS} seeds of that range are shown.`;
  }
  for (const raw of (q.get('students') ?? '').split(/[,\n]/)) {
    const name = raw.trim();
    const seed = seedFromText(name);
    if (seed !== null && out.length < MAX_STUDENTS) out.push(/^\d+$/.test(name) ? { seed } : { seed, name });
  }
  const one = whole(q.get('seed'));
  if (one !== null) out.unshift({ seed: one });
  if (out.length === 0) {
    if ([...q.keys()].some((k) => ['seed', 'from', 'to', 'students'].includes(k))) note = 'Those are not seeds (whole numbers from 0 to 4294967295) or names: showing the book’s seed.';
    out.push({ seed: DEFAULT_SEED });
  }
  return { students: out, note };
}

function answerHtml(task: Task): string {
  if (task.kind === 'number') return `${markHtml({ name: 'answer', value: task.answer })}${task.percent ? '%' : ''}`;
  return esc(answerText(task));
}

function mistakesHtml(task: Task): string {
  if (task.kind !== 'number') return '';
  return `<ul class="key-mistakes">${task.mistakes.map((m) => `<li>${esc(m.name)}: ${markHtml({ name: `mistake-${m.id}`, value: m.value })}</li>`).join('')}</ul>`;
}

/** The key of one student: a section per chapter with a table of exercises. `first` gives plain chapter ids (#output-delta). */
export function studentKeyHtml(student: Student, chapters: readonly KeyChapter[], base: string, first: boolean): string {
  const who = student.name ? `${esc(student.name)} (seed ${student.seed})` : `Seed ${student.seed}`;
  const sections = chapters.map((c) => {
    const id = first ? c.slug : `s${student.seed}-${c.slug}`;
    const rows = c.exercises.map((ex, i) => {
      const inst = variant(ex, student.seed);
      return `<tr data-key-exercise="${ex.id}"><th scope="row">${i + 1}. ${esc(ex.title)}</th>`
        + `<td class="key-question">${inst.question}</td><td class="key-answer" data-key-answer>${answerHtml(inst.task)}</td>`
        + `<td class="key-wrong">${mistakesHtml(inst.task)}</td></tr>`;
    }).join('');
    return `<section class="key-chapter" id="${id}" aria-labelledby="${id}-title">`
      + `<h3 id="${id}-title">Chapter ${c.order}: <a href="${base}/${c.slug}/?seed=${student.seed}">${esc(c.title)}</a></h3>`
      + `<div class="table-wrap"><table class="key-table"><thead><tr><th scope="col">Exercise</th><th scope="col">Question, with these values</th><th scope="col">Answer</th><th scope="col">Wrong answers it recognises</th></tr></thead><tbody>${rows}</tbody></table></div></section>`;
  }).join('');
  return `<article class="key-student" data-key-seed="${student.seed}"><h2>${who}</h2>`
    + `<p class="key-link">The student’s link: <a href="${base}/${chapters[0]?.slug ?? ''}/?seed=${student.seed}">${base}/${chapters[0]?.slug ?? ''}/?seed=${student.seed}</a> (the seed is remembered on every chapter).</p>${sections}</article>`;
}

/** The whole key. */
export function keyHtml(students: readonly Student[], chapters: readonly KeyChapter[], base: string): string {
  return students.map((s, i) => studentKeyHtml(s, chapters, base, i === 0)).join('');
}
