import type { Handler } from "../context.js";
import { TRANSITIONS } from "../domain/hookInput.js";

export const describeLifecycleHookTypes: Handler<"DescribeLifecycleHookTypes"> = () => ({ LifecycleHookTypes: [...TRANSITIONS] });
