// Loading every operation's code and compiling every validator ahead of need, without making a
// request wait for it. Loading them all at once held the event loop for a third of a second, and a
// validator per service per turn of the loop added about 12 ms to every turn for the first seconds:
// the first requests of a test suite or a benchmark waited behind it. So the warm-up runs only while
// no request has come for a while, in slices of a few milliseconds; under load it waits, and each
// operation loads on its own first request as it does without a warm-up.

export interface WarmUpTiming {
  /** How long after start the first slice may run. */
  delayMs?: number;
  /** How long the server must have had no request before a slice runs. */
  idleMs?: number;
  /** How long a slice may hold the event loop. */
  sliceMs?: number;
}

export interface WarmUp {
  /** A request came: the warm-up waits until the server has been idle again for a while. */
  touch(): void;
  stop(): void;
}

export function startWarmUp(steps: Iterator<() => Promise<void> | undefined>, onError: (e: unknown) => void, timing: WarmUpTiming = {}): WarmUp {
  const { delayMs = 1000, idleMs = 50, sliceMs = 4 } = timing;
  let lastRequest = performance.now();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let immediate: NodeJS.Immediate | undefined;

  const slice = async (): Promise<void> => {
    immediate = undefined;
    timer = undefined;
    if (stopped) return;
    const idleFor = performance.now() - lastRequest;
    if (idleFor < idleMs) {
      timer = setTimeout(() => void slice(), idleMs - idleFor);
      timer.unref();
      return;
    }
    const end = performance.now() + sliceMs;
    do {
      try {
        const next = steps.next();
        if (next.done) return;
        await next.value();
      } catch (e) {
        // A step that failed is reported and the next one runs; steps that cannot be listed end the warm-up.
        onError(e);
      }
    } while (!stopped && performance.now() < end);
    if (stopped) return;
    immediate = setImmediate(() => void slice());
    immediate.unref();
  };

  timer = setTimeout(() => void slice(), delayMs);
  timer.unref();
  return {
    touch: () => void (lastRequest = performance.now()),
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (immediate) clearImmediate(immediate);
    },
  };
}
