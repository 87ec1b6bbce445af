// The driver's own garbage, collected between phases. A phase's requests are built before its clock
// starts and released when it is done (workload.ts's `prepared`); left to V8, that garbage (tens of
// megabytes) was collected whenever the next phase's allocations called for it: a full collection
// of the driver, 20–30 ms in which the requests it had in flight waited, counted as the server's
// latency. Collected here, between phases, it lands in no window.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** A full collection of the driver's heap, now (outside any measured window). */
export function collectDriverGarbage(): void {
  gc();
}
