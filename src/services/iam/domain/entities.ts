// What every IAM entity shares: its creation order, its creation time, and its key (names are not
// told apart by case).
import type { IamContext, IamState } from "../context.js";

export const keyOf = (name: string): string => name.toLowerCase();

/** The next entity's place in the account's creation order. */
export const nextSeq = (state: IamState): number => ++state.seq;

/** IAM's timestamps have whole seconds. */
export const nowSeconds = (ctx: IamContext): number => Math.floor(ctx.now());

/** The items whose path starts with `prefix` (every one without a prefix). */
export const underPath = <T extends { path: string }>(items: Iterable<T>, prefix: string | undefined): T[] => [...items].filter((i) => prefix === undefined || i.path.startsWith(prefix));

/** In creation order. */
export const bySeq = <T extends { seq: number }>(items: Iterable<T>): T[] => [...items].sort((a, b) => a.seq - b.seq);
