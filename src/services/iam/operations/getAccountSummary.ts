import type { Handler } from "../context.js";
import { accountSummary } from "../domain/summary.js";

export const getAccountSummary: Handler<"GetAccountSummary"> = (_input, ctx) => ({ SummaryMap: accountSummary(ctx.state) });
