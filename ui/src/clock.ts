// The time of day for "now" and "next": one clock for the window, ticking
// every 30 seconds while something shows it. Only the components that show
// the time read it (useNow), so a tick re-renders them, not the whole app.
import { useEffect, useState } from "preact/hooks";

const TICK_MS = 30_000;

let current = new Date();
let timer: ReturnType<typeof setInterval> | null = null;
const listeners = new Set<() => void>();

/** The clock's time; read first, it is set and starts ticking. */
function now(): Date {
  if (timer === null) {
    current = new Date();
    timer = setInterval(() => {
      current = new Date();
      listeners.forEach((fn) => fn());
    }, TICK_MS);
  }
  return current;
}

/** Hears every tick; the clock stops when the last listener goes. */
function subscribe(fn: () => void): () => void {
  now();
  listeners.add(fn);
  return () => {
    listeners.delete(fn);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** The current time, the component rendered again at every tick. Every
 *  component that reads it in a render sees the same time. */
export function useNow(): Date {
  const [, rerender] = useState(0);
  useEffect(() => subscribe(() => rerender((n) => n + 1)), []);
  return now();
}
