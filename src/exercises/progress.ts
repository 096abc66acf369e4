// progress.ts — which exercises a reader has solved, kept in the browser's localStorage under one key
// (nothing is sent anywhere): { "<chapter slug>": ["<exercise id>", …] }. DOM-free: the storage is
// passed in, so the same code runs in tests.

/** The localStorage key. */
export const PROGRESS_KEY = 'bp-exercises-progress';

/** The part of the Storage interface used here. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type Progress = Readonly<Record<string, readonly string[]>>;

/** The stored progress; anything unreadable (another format, a hand-edited value) counts as none. */
export function loadProgress(storage: StorageLike): Progress {
  try {
    const raw: unknown = JSON.parse(storage.getItem(PROGRESS_KEY) ?? '{}');
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
    const out: Record<string, string[]> = {};
    for (const [chapter, ids] of Object.entries(raw)) {
      if (Array.isArray(ids)) out[chapter] = ids.filter((id): id is string => typeof id === 'string');
    }
    return out;
  } catch {
    return {};
  }
}

/** Marks one exercise solved and returns the new progress. */
export function markSolved(storage: StorageLike, chapter: string, exerciseId: string): Progress {
  const now = loadProgress(storage);
  const ids = new Set(now[chapter] ?? []);
  ids.add(exerciseId);
  const next = { ...now, [chapter]: [...ids] };
  storage.setItem(PROGRESS_KEY, JSON.stringify(next));
  return next;
}

/** Forgets every solved exercise. */
export function resetProgress(storage: StorageLike): void {
  storage.removeItem(PROGRESS_KEY);
}

/** How many of a chapter's exercises (by id) are solved. */
export function solvedCount(progress: Progress, chapter: string, ids: readonly string[]): number {
  const solved = new Set(progress[chapter] ?? []);
  return ids.filter((id) => solved.has(id)).length;
}
