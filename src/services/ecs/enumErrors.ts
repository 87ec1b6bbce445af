// ECS checks enum members itself: a value outside the model's enum answers InvalidParameterException
// or ClientException, "<member> should be one of [A,B,C]", not the front end's ValidationException.
// The values come from the model (the failing schema's enum); only ECS's words are kept here.
import type { AwsError } from "../../protocol/errors.js";
import type { EnumViolation } from "../../protocol/messages.js";
import { ClientException, InvalidParameterException } from "./generated/errors.js";
import { OPERATION_ERRORS, type Operation } from "./generated/operations.js";

type ClientCode = "InvalidParameterException" | "ClientException";

/**
 * How ECS names a member in the text, where its answer was seen (FIDELITY.md names the sources:
 * getmoto/moto's ECS tests and models, moto#6153); any other member is named as in the model.
 */
const MEMBER_WORDS: Record<string, string> = {
  launchType: "launch type",
};

/** Which of its two client errors ECS answers, per operation, where that was seen. */
const SEEN_CODES: Partial<Record<Operation, ClientCode>> = {
  RunTask: "InvalidParameterException",
  CreateService: "ClientException",
  CreateTaskSet: "ClientException",
};

/** The code for an operation: the one seen, else InvalidParameterException, else ClientException, as the model lists them. */
function codeFor(operation: Operation): ClientCode | undefined {
  const listed = OPERATION_ERRORS[operation];
  if (!listed) return undefined;
  const seen = SEEN_CODES[operation];
  if (seen && listed.includes(seen)) return seen;
  if (listed.includes("InvalidParameterException")) return "InvalidParameterException";
  return listed.includes("ClientException") ? "ClientException" : undefined;
}

/** Account settings name the value given instead of the member (getmoto/moto#4456, from a real answer). */
const NAMED_BY_VALUE = new Set<string>(["PutAccountSetting", "PutAccountSettingDefault", "DeleteAccountSetting", "ListAccountSettings"]);

export function ecsEnumError(v: EnumViolation): AwsError | undefined {
  const code = codeFor(v.operation as Operation);
  if (!code) return undefined;
  const subject = v.member === "name" && NAMED_BY_VALUE.has(v.operation) ? String(v.value) : (MEMBER_WORDS[v.member] ?? v.member);
  const message = `${subject} should be one of [${v.allowed.join(",")}]`;
  return code === "ClientException" ? new ClientException(message) : new InvalidParameterException(message);
}
