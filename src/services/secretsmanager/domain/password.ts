// GetRandomPassword: characters drawn from the types the request keeps, by default at least one of each.
import type { GetRandomPasswordRequest } from "../generated/types.js";
import type { IdSource } from "../../../state/ids.js";
import { invalidParameter } from "./messages.js";

const LOWER = "abcdefghijklmnopqrstuvwxyz";
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const DIGITS = "0123456789";
const PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

export function randomPassword(input: GetRandomPasswordRequest, random: IdSource): string {
  const excluded = new Set(input.ExcludeCharacters ?? "");
  const keep = (chars: string): string[] => [...chars].filter((c) => !excluded.has(c));
  const types = [
    input.ExcludeLowercase ? [] : keep(LOWER),
    input.ExcludeUppercase ? [] : keep(UPPER),
    input.ExcludeNumbers ? [] : keep(DIGITS),
    input.ExcludePunctuation ? [] : keep(PUNCTUATION),
  ].filter((t) => t.length > 0);
  const all = [...types.flat(), ...(input.IncludeSpace && !excluded.has(" ") ? [" "] : [])];
  if (all.length === 0) throw invalidParameter("The password must contain at least one character type: every character was excluded.");
  const length = input.PasswordLength ?? 32;
  // The space may appear; it is never required.
  const required = input.RequireEachIncludedType === false ? [] : types;
  if (length < required.length) throw invalidParameter("Password length is too short based on the required types.");
  const pick = (from: string[]): string => from[Math.floor(random.random() * from.length)];
  const chars = [...required.map(pick), ...Array.from({ length: length - required.length }, () => pick(all))];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = Math.floor(random.random() * (i + 1));
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join("");
}
