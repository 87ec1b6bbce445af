import type { Handler } from "../context.js";
import { randomPassword } from "../domain/password.js";

export const getRandomPassword: Handler<"GetRandomPassword"> = (input, ctx) => ({ RandomPassword: randomPassword(input, ctx.backend.passwords) });
