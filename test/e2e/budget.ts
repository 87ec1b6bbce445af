// Time budgets for end-to-end steps. Each `aws` CLI call starts a Python interpreter (1–1.5 s on two
// idle cores, several times that when the machine is shared), so a step is given time per call it
// makes rather than one budget for a whole workflow.

/** Longest a single CLI or SDK call may take before the step fails with a clear error. */
export const CALL_TIMEOUT_MS = 60_000;

/** The timeout of a step that makes `calls` calls: generous per call, plus room for start-up. */
export function budget(calls: number): number {
  return 30_000 + calls * 15_000;
}
