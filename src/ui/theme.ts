// theme.ts — the light/dark toggle: aria-pressed reflects dark; the choice is remembered.
const KEY = 'bp-theme';

function apply(theme: 'light' | 'dark'): void {
  document.documentElement.dataset.theme = theme;
  for (const button of document.querySelectorAll<HTMLButtonElement>('.theme-toggle')) {
    button.setAttribute('aria-pressed', String(theme === 'dark'));
  }
}

export function initThemeToggle(): void {
  apply(document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light');
  for (const button of document.querySelectorAll<HTMLButtonElement>('.theme-toggle')) {
    button.addEventListener('click', () => {
      const next = document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark';
      apply(next);
      try { localStorage.setItem(KEY, next); } catch { /* storage blocked: the toggle still works for this page */ }
    });
  }
  // No remembered choice: keep following the system when it changes.
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', (e) => {
    let stored: string | null = null;
    try { stored = localStorage.getItem(KEY); } catch { /* follow the system */ }
    if (!stored) apply(e.matches ? 'dark' : 'light');
  });
}
