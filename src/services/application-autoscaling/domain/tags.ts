// Tags of scalable targets (policies and scheduled actions take none): at most 50 on a target.
import type { AwsError } from "../../../protocol/errors.js";
import { messages } from "./messages.js";

const MAX_TAGS = 50;

export function checkTagCount(tags: Record<string, string>, error: new (message: string) => AwsError): void {
  if (Object.keys(tags).length > MAX_TAGS) throw new error(messages.tooManyTags);
}
