// One shared clock for every relative time on the page, ticking twice a minute, so "just now"
// becomes "1 minute ago" without each timestamp running its own timer.

import { useSyncExternalStore } from 'react';

const TICK_MS = 30_000;
let now = new Date();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    // The clock was idle while nothing showed a time; catch up before ticking again.
    now = new Date();
    timer = setInterval(() => {
      now = new Date();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

export function useNow(): Date {
  return useSyncExternalStore(subscribe, () => now);
}
