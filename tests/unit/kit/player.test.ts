import { describe, expect, test } from 'vitest';
import { Player, type Clock } from '../../../src/kit/player';

/** A clock whose time and frames move only when the test says so. */
function fakeClock() {
  let t = 0;
  let next = 1;
  const frames = new Map<number, () => void>();
  const clock: Clock = {
    now: () => t,
    requestFrame: (cb) => { frames.set(next, cb); return next++; },
    cancelFrame: (id) => { frames.delete(id); },
  };
  return {
    clock,
    /** Moves time on by ms, then runs the frames that were waiting. */
    frame(ms = 16) {
      t += ms;
      const due = [...frames.values()];
      frames.clear();
      for (const cb of due) cb();
    },
    advanceTimeDuringWork(ms: number) { t += ms; },
    get waiting() { return frames.size; },
  };
}

function setup(o: { perSecond?: number; limit?: number; cost?: number; minFrameMs?: number } = {}) {
  const c = fakeClock();
  let steps = 0;
  let renders = 0;
  const changes: boolean[] = [];
  const player = new Player({
    clock: c.clock, perSecond: o.perSecond ?? 60, ...(o.minFrameMs ? { minFrameMs: o.minFrameMs } : {}),
    advance: (n) => { const did = Math.min(n, (o.limit ?? Infinity) - steps); steps += did; if (o.cost) c.advanceTimeDuringWork(o.cost * did); return did; },
    done: () => steps >= (o.limit ?? Infinity),
    render: () => { renders++; },
    onChange: (p) => changes.push(p),
  });
  return { c, player, get steps() { return steps; }, get renders() { return renders; }, changes };
}

describe('Player', () => {
  test('play() advances perSecond × elapsed units per frame and renders once per frame', () => {
    const s = setup({ perSecond: 60 });
    s.player.play();
    expect(s.changes).toEqual([true]);
    s.c.frame(1000 / 60);
    expect(s.steps).toBe(1);
    s.c.frame(1000 / 60 * 3);
    expect(s.steps).toBe(4);
    expect(s.renders).toBe(2);
  });
  test('speed multiplies the rate', () => {
    const s = setup({ perSecond: 10 });
    s.player.speed = 100;
    s.player.play();
    s.c.frame(100);
    expect(s.steps).toBe(100);
  });
  test('pause() ends the loop: a frame that was already asked for does nothing', () => {
    const s = setup();
    s.player.play();
    s.c.frame();
    s.player.pause();
    const before = s.steps;
    s.c.frame(1000);
    expect(s.steps).toBe(before);
    expect(s.changes).toEqual([true, false]);
    expect(s.player.playing).toBe(false);
  });
  test('a stale loop cannot run after play, pause, play: one loop per play', () => {
    const s = setup({ perSecond: 60 });
    s.player.play(); s.player.pause(); s.player.play();
    expect(s.c.waiting).toBe(1);
    s.c.frame(1000 / 60);
    expect(s.steps).toBe(1);
  });
  test('it stops by itself when done, and play() does nothing once done', () => {
    const s = setup({ perSecond: 1000, limit: 5 });
    s.player.play();
    s.c.frame(100);
    expect(s.steps).toBe(5);
    expect(s.player.playing).toBe(false);
    expect(s.changes).toEqual([true, false]);
    s.player.play();
    expect(s.changes).toEqual([true, false]);
  });
  test('off screen it waits without frames, and carries on when visible again (no catching up)', () => {
    const s = setup({ perSecond: 60 });
    s.player.play();
    s.c.frame(1000 / 60);
    s.player.setVisible(false);
    expect(s.c.waiting).toBe(0);
    s.c.frame(10_000);
    expect(s.steps).toBe(1);
    s.player.setVisible(true);
    s.c.frame(1000 / 60);
    expect(s.steps).toBe(2);
  });
  test('a frame spends at most its budget advancing, and drops the backlog it could not do', () => {
    const s = setup({ perSecond: 10_000, cost: 1 }); // each unit takes 1 ms of the clock
    s.player.play();
    s.c.frame(1000);
    expect(s.steps).toBeLessThanOrEqual(8);      // chunks 1, 2, 4 …: stops once 6 ms are spent
    s.c.frame(16);
    expect(s.steps).toBeLessThan(20);
  });
  test('with minFrameMs (reduced motion) the numbers change in jumps, not every frame', () => {
    const s = setup({ perSecond: 60, minFrameMs: 500 });
    s.player.play();
    for (let i = 0; i < 60; i++) s.c.frame(1000 / 60);
    expect(s.renders).toBe(2);                  // at 17 ms and at 517 ms
    expect(s.steps).toBe(31);                   // 1, then the 30 that fell due in between
  });
});
