import type { Handler } from "../context.js";
import { ADJUSTMENT_TYPES } from "../domain/policies.js";

export const describeAdjustmentTypes: Handler<"DescribeAdjustmentTypes"> = () => ({ AdjustmentTypes: ADJUSTMENT_TYPES.map((AdjustmentType) => ({ AdjustmentType })) });
