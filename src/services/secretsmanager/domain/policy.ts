// Resource policies: checked as IAM policy documents and kept as given. Nothing here enforces them.
import { MalformedPolicyDocumentException } from "../generated/errors.js";

const INVALID = "This policy has invalid syntax.";
const VERSIONS = new Set(["2012-10-17", "2008-10-17"]);
const TOP = new Set(["Version", "Id", "Statement"]);
const STATEMENT = new Set(["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"]);

type Statement = Record<string, unknown>;

/** The statements of a resource policy; anything that is not one answers AWS's syntax error. */
export function parsePolicy(text: string): Statement[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new MalformedPolicyDocumentException(INVALID);
  }
  if (!isObject(doc) || Object.keys(doc).some((k) => !TOP.has(k))) throw new MalformedPolicyDocumentException(INVALID);
  if (doc.Version !== undefined && !VERSIONS.has(doc.Version as string)) throw new MalformedPolicyDocumentException(INVALID);
  const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  if (statements.length === 0 || !statements.every(validStatement)) throw new MalformedPolicyDocumentException(INVALID);
  return statements as Statement[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function validStatement(s: unknown): boolean {
  if (!isObject(s) || Object.keys(s).some((k) => !STATEMENT.has(k))) return false;
  if (s.Effect !== "Allow" && s.Effect !== "Deny") return false;
  // A resource policy says whom it is for, and what they may do.
  return (s.Action !== undefined) !== (s.NotAction !== undefined) && (s.Principal !== undefined) !== (s.NotPrincipal !== undefined);
}

function anyone(principal: unknown): boolean {
  if (principal === "*") return true;
  if (!isObject(principal)) return false;
  const aws = principal.AWS;
  return aws === "*" || (Array.isArray(aws) && aws.includes("*"));
}

/** A statement that lets anyone in, with no condition to narrow it: what BlockPublicPolicy refuses. */
export function grantsBroadAccess(statements: Statement[]): boolean {
  return statements.some((s) => s.Effect === "Allow" && anyone(s.Principal) && s.Condition === undefined);
}
