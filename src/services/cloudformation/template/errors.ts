// The texts CloudFormation answers a bad template or stack request with (all ValidationError).
import { commonErrors } from "../../../protocol/errors.js";

/** A template that breaks the format rules: "Template format error: …". */
export const formatError = (detail: string) => commonErrors.validation(`Template format error: ${detail}`);

/** A template that is well-formed but cannot be evaluated: "Template error: …". */
export const templateError = (detail: string) => commonErrors.validation(`Template error: ${detail}`);

export const validation = (message: string) => commonErrors.validation(message);

export const stackNotFound = (name: string) => commonErrors.validation(`Stack with id ${name} does not exist`);
