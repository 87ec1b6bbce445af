import type { Handler } from "../context.js";
import { findRole, roleView } from "../domain/roles.js";

export const getRole: Handler<"GetRole"> = (input, ctx) => ({ Role: roleView(findRole(ctx.state, input.RoleName), "get") });
