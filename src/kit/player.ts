// player.ts — Play and Pause for a widget that runs (steps of gradient descent, epochs of training),
// after TensorFlow Playground's small Player: one loop per play, a token that ends a stale loop, and
// a frame budget so the page stays responsive. PURE: the clock is passed in (the browser's
// performance.now and requestAnimationFrame, or a fake clock in tests).
//
//   idle ──play()──▶ playing: each frame, advance the units that are due (perSecond × speed × time),
//     ▲                 │     for at most budgetMs, then render once
//     │                 ├── off screen ──▶ waiting (no frames) ──back on screen──▶ playing
//     └── pause(), stop() (an input changed), or done ◀──┘
//
// Under prefers-reduced-motion the widget passes minFrameMs: the numbers then change in a few
// larger jumps a second instead of an animation.

export interface Clock {
  now(): number;
  requestFrame(callback: () => void): number;
  cancelFrame(id: number): void;
}

export interface PlayerOptions {
  readonly clock: Clock;
  /** Units (steps, epochs) per second at speed 1. */
  readonly perSecond: number;
  /** Most milliseconds spent advancing in one frame (default 6): rendering needs the rest. */
  readonly budgetMs?: number;
  /** Render at most once per this many milliseconds (default 0: every frame). */
  readonly minFrameMs?: number;
  /** Advances up to n units and returns how many it did (fewer once it is done). */
  readonly advance: (n: number) => number;
  readonly done: () => boolean;
  readonly render: () => void;
  /** Told when playing starts or ends (to relabel the Play button). */
  readonly onChange?: (playing: boolean) => void;
}

export class Player {
  /** Multiplies perSecond: ×1, ×10, ×100. */
  speed = 1;
  private readonly o: PlayerOptions;
  private token = 0;
  private frame = 0;
  private active = false;
  private visible = true;
  private due = 0;
  private last = 0;
  private lastRender = -Infinity;

  constructor(options: PlayerOptions) {
    this.o = options;
  }

  get playing(): boolean {
    return this.active;
  }

  play(): void {
    if (this.active || this.o.done()) return;
    this.active = true;
    this.token++;
    this.due = 0;
    this.last = this.o.clock.now();
    this.o.onChange?.(true);
    this.schedule(this.token);
  }

  pause(): void {
    if (!this.active) return;
    this.active = false;
    this.token++;
    this.o.clock.cancelFrame(this.frame);
    this.o.onChange?.(false);
  }

  /** An input changed: the run the player was advancing is gone. */
  stop(): void {
    this.pause();
  }

  /** Off screen, a playing player waits without frames; back on screen it carries on. */
  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    if (visible && this.active) {
      this.last = this.o.clock.now();
      this.schedule(this.token);
    } else {
      this.o.clock.cancelFrame(this.frame);
    }
  }

  private schedule(token: number): void {
    if (!this.visible) return;
    this.frame = this.o.clock.requestFrame(() => this.tick(token));
  }

  private tick(token: number): void {
    if (token !== this.token || !this.active) return;
    const { clock, perSecond, budgetMs = 6, minFrameMs = 0 } = this.o;
    const start = clock.now();
    this.due += (perSecond * this.speed * (start - this.last)) / 1000;
    this.last = start;
    if (start - this.lastRender < minFrameMs) { this.schedule(token); return; }
    // (A hair of tolerance: 60 units a second over 1000/60 ms is 0.9999999999999998 in floating point.)
    let n = Math.floor(this.due + 1e-9);
    let chunk = 1;
    let advanced = 0;
    // Chunks grow while they are quick, so cheap units (a step) cost one call per frame or so.
    while (n > 0 && clock.now() - start < budgetMs) {
      const did = this.o.advance(Math.min(chunk, n));
      advanced += did;
      n -= did;
      this.due -= did;
      if (did < Math.min(chunk, n + did) || this.o.done()) break;
      chunk *= 2;
    }
    // Over budget: drop the backlog instead of chasing it (the run slows down, the page does not).
    this.due = Math.min(this.due, 1 + perSecond * this.speed * 0.1);
    if (advanced > 0) {
      this.lastRender = start;
      this.o.render();
    }
    if (this.o.done()) {
      this.active = false;
      this.token++;
      this.o.onChange?.(false);
      return;
    }
    this.schedule(token);
  }
}
