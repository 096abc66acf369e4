// menu.ts — the Export button's small menu (loaded by dynamic import on the first click, so none of
// this, the vectors or the scripts weigh on a page's first load). A disclosure, not an ARIA menu: the
// Export button (aria-expanded) shows three ordinary buttons under it, one per file; Escape closes it
// and gives focus back to Export. Each button downloads the widget's CURRENT state.
//
//   Export ──first click: import()──▶ panel: [JSON test vectors] [NumPy script] [PyTorch script]
//     a file button ──state() → testVectors (the engine's passes) → text──▶ Blob ──▶ <a download> click
import { EngineError } from '../../engine/errors.ts';
import type { ExportCase } from '../../kit/export-case.ts';
import { numpyScript, torchScript } from '../scripts.ts';
import { testVectors, vectorsJson, type TestVectors } from '../vectors.ts';

/** What the widget's element hands over at the moment of a download. */
export interface ExportState {
  /** The model's name (output-delta) and the widget's id on the page (od1). */
  readonly widget: string;
  readonly id: string;
  readonly case: ExportCase;
  /** The numbers the widget shows now. */
  readonly numbers: Readonly<Record<string, number>>;
}

/** The three files: label, file name suffix, MIME type, contents. */
const FILES = [
  { kind: 'json', label: 'JSON test vectors', suffix: '.json', type: 'application/json', text: vectorsJson },
  { kind: 'numpy', label: 'NumPy script', suffix: '_numpy.py', type: 'text/x-python', text: numpyScript },
  { kind: 'torch', label: 'PyTorch script', suffix: '_torch.py', type: 'text/x-python', text: torchScript },
] as const satisfies readonly { kind: string; label: string; suffix: string; type: string; text: (v: TestVectors) => string }[];

/** The file name of a download: od1-output-delta.json, od1-output-delta_numpy.py, … */
export function fileName(state: Pick<ExportState, 'widget' | 'id'>, kind: (typeof FILES)[number]['kind']): string {
  return `${state.id}-${state.widget}${FILES.find((f) => f.kind === kind)!.suffix}`;
}

/** Opens or closes the menu under the Export button (building it on first use). */
export function toggleExportMenu(button: HTMLButtonElement, state: () => ExportState, say: (message: string) => void): void {
  let panel = button.nextElementSibling instanceof HTMLElement && button.nextElementSibling.matches('[data-export-menu]') ? button.nextElementSibling : null;
  if (!panel) panel = buildPanel(button, state, say);
  const open = panel.hidden;
  // Closing while focus is on one of the downloads (a second press that arrives after the menu opened):
  // focus goes back to Export instead of being lost with the hidden button.
  const focusInside = panel.contains(document.activeElement);
  panel.hidden = !open;
  button.setAttribute('aria-expanded', String(open));
  if (open) panel.querySelector('button')?.focus();
  else if (focusInside) button.focus();
}

function buildPanel(button: HTMLButtonElement, state: () => ExportState, say: (message: string) => void): HTMLElement {
  const panel = document.createElement('div');
  panel.className = 'widget-export';
  panel.dataset['exportMenu'] = '';
  panel.setAttribute('role', 'group');
  panel.setAttribute('aria-label', 'Export the current numbers');
  panel.id = `${button.closest('bp-widget')?.id ?? 'widget'}-export`;
  panel.hidden = true;
  button.setAttribute('aria-controls', panel.id);
  for (const f of FILES) {
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset['export'] = f.kind;
    b.textContent = f.label;
    b.addEventListener('click', () => {
      const s = state();
      try {
        download(fileName(s, f.kind), f.type, f.text(testVectors(s.widget, s.case, s.numbers)));
        say(`Downloaded ${fileName(s, f.kind)}: the numbers shown now.`);
      } catch (e) {
        if (!(e instanceof EngineError || e instanceof RangeError)) throw e;
        say(`These numbers cannot be exported (${e.message}).`);
      }
    });
    panel.append(b);
  }
  panel.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    panel.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    button.focus();
  });
  button.after(panel);
  return panel;
}

/** Saves text as a file: a Blob behind a temporary <a download>. */
function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
