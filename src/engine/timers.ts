// Timers that can be written down: a handler named at module load plus the arguments it is called
// with. A snapshot keeps the name and the arguments (state objects, or tokens of the host's own
// objects such as a backend), so a restarted server rebuilds each pending timer exactly; a closure
// cannot be serialized, so a closure timer still pending makes a snapshot refuse.

export type TimerHandler = (...args: any[]) => void;

const handlers = new Map<string, TimerHandler>();

/** Registers `fn` under `name` (once, at module load); returns the name to schedule it by. */
export function defineTimer<A extends unknown[]>(name: string, fn: (...args: A) => void): string {
  const known = handlers.get(name);
  if (known && known !== fn) throw new Error(`timer handler ${name} is defined twice`);
  handlers.set(name, fn as TimerHandler);
  return name;
}

/** The handler of `name`; throws when this build has none (a snapshot of another build). */
export function timerHandler(name: string): TimerHandler {
  const fn = handlers.get(name);
  if (!fn) throw new Error(`no timer handler named ${name}`);
  return fn;
}

/** A callback kept in state (one service telling another of a change): a handler's name and its arguments, so a snapshot can keep it. */
export interface NamedCall {
  readonly name: string;
  readonly args: readonly unknown[];
}

export function invokeCall(call: NamedCall): void {
  timerHandler(call.name)(...call.args);
}
