import type { Handler } from "../context.js";
import { PROCESSES } from "../domain/processes.js";

export const describeScalingProcessTypes: Handler<"DescribeScalingProcessTypes"> = () => ({ Processes: PROCESSES.map((ProcessName) => ({ ProcessName })) });
