/**
 * What time it is, as a step sees it. The app reads the system clock; `zqa demo` and the
 * tests step a fixed clock so every run writes the same dates (and the same report text).
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Starts at `start` and moves on by `stepMs` at every reading: one minute per action by default. */
export function steppingClock(start: Date, stepMs = 60_000): Clock {
  let tick = start.getTime() - stepMs;
  return { now: () => new Date((tick += stepMs)) };
}
