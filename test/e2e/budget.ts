// Time budgets for end-to-end steps. Each `aws` CLI call starts a Python interpreter (1–1.5 s on two
import { it } from "vitest";
// idle cores, several times that when the machine is shared), so a step is given time per call it
// makes rather than one budget for a whole workflow.

/** Longest a single CLI or SDK call may take before the step fails with a clear error. */
export const CALL_TIMEOUT_MS = 60_000;

/** The timeout of a step that makes `calls` calls: generous per call, plus room for start-up. */
export function budget(calls: number): number {
  return 30_000 + calls * 15_000;
}

/**
 * Ordered steps of one workflow sharing state, each with its own budget: a step whose predecessor
 * failed fails at once, naming it, instead of timing out on state that was never made.
 */
export function orderedSteps(): (name: string, calls: number, body: () => Promise<void>) => void {
  let failed = "";
  return (name, calls, body) =>
    it(
      name,
      async () => {
        if (failed) throw new Error(`skipped: the earlier step "${failed}" failed`);
        try {
          await body();
        } catch (e) {
          failed = name;
          throw e;
        }
      },
      budget(calls),
    );
}
