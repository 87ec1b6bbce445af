// Policy documents are checked as IAM checks them before storing one, in its order: JSON, grammar
// ("Syntax errors in policy."), version, the case of Effect ("legacy parsing"), unique Sids, actions
// present, what the kind of policy requires or forbids (a trust policy's Principal, a permissions
// policy's Resource), then action and resource formats. Nothing is authorized by them.
import { MalformedPolicyDocumentException } from "../generated/errors.js";

/** A role's trust policy, a managed policy (CreatePolicy, CreatePolicyVersion), or an inline policy. */
export type DocumentKind = "trust" | "managed" | "inline";

type Json = Record<string, unknown>;

const TOP = new Set(["Version", "Id", "Statement"]);
const STATEMENT = new Set(["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"]);
const VERSIONS = new Set(["2008-10-17", "2012-10-17"]);
const PRINCIPAL_KEYS = new Set(["AWS", "Service", "Federated", "CanonicalUser"]);

const malformed = (message: string) => new MalformedPolicyDocumentException(message);

const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);
const isStrings = (v: unknown): boolean => typeof v === "string" || (Array.isArray(v) && v.every((s) => typeof s === "string"));
const list = (v: unknown): string[] => (v === undefined ? [] : typeof v === "string" ? [v] : (v as string[]));

function principalOk(p: unknown): boolean {
  if (p === "*") return true;
  return isObject(p) && Object.entries(p).every(([k, v]) => PRINCIPAL_KEYS.has(k) && isStrings(v));
}

function conditionOk(c: unknown): boolean {
  return isObject(c) && Object.values(c).every((block) => isObject(block) && Object.values(block).every((v) => ["string", "boolean", "number"].includes(typeof v) || Array.isArray(v)));
}

function statementOk(s: unknown): boolean {
  if (!isObject(s)) return false;
  if (Object.keys(s).some((k) => !STATEMENT.has(k))) return false;
  if (("Action" in s && "NotAction" in s) || ("Resource" in s && "NotResource" in s) || ("Principal" in s && "NotPrincipal" in s)) return false;
  if (typeof s.Effect !== "string" || !["allow", "deny"].includes(s.Effect.toLowerCase())) return false;
  for (const k of ["Action", "NotAction", "Resource", "NotResource"]) if (k in s && !isStrings(s[k])) return false;
  for (const k of ["Principal", "NotPrincipal"]) if (k in s && !principalOk(s[k])) return false;
  if ("Sid" in s && typeof s.Sid !== "string") return false;
  return !("Condition" in s) || conditionOk(s.Condition);
}

/** The document's statements, or undefined when its grammar is broken. */
function statementsOf(doc: unknown): Json[] | undefined {
  if (!isObject(doc) || Object.keys(doc).some((k) => !TOP.has(k))) return undefined;
  if ("Version" in doc && !(typeof doc.Version === "string" && VERSIONS.has(doc.Version))) return undefined;
  if ("Id" in doc && typeof doc.Id !== "string") return undefined;
  const statements = Array.isArray(doc.Statement) ? doc.Statement : isObject(doc.Statement) ? [doc.Statement] : undefined;
  if (!statements?.length || !statements.every(statementOk)) return undefined;
  return statements as Json[];
}

function checkAction(action: string): void {
  if (action === "*") return;
  const parts = action.split(":");
  if (parts.length === 1) throw malformed("Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.");
  if (parts.length > 2) throw malformed("Actions/Condition can contain only one colon.");
  if (parts[0] !== "*" && /[^a-zA-Z0-9\-.]/.test(parts[0])) throw malformed(`Vendor ${parts[0]} is not valid`);
}

function checkResource(resource: string): void {
  if (resource !== "*" && !resource.includes(":")) throw malformed(`Resource ${resource} must be in ARN format or "*".`);
}

function checkKind(s: Json, kind: DocumentKind): void {
  if (kind === "trust") {
    if ("Resource" in s || "NotResource" in s) throw malformed("Has prohibited field Resource");
    if (!("Principal" in s) && !("NotPrincipal" in s)) throw malformed("Missing required field Principal");
    return;
  }
  if ("Principal" in s || "NotPrincipal" in s) throw malformed("Policy document should not specify a principal.");
  const resources = s.Resource ?? s.NotResource;
  if (resources === undefined || (Array.isArray(resources) && resources.length === 0)) throw malformed("Policy statement must contain resources.");
}

/** Throws MalformedPolicyDocument with IAM's text for a document IAM would refuse. */
export function checkPolicyDocument(text: string, kind: DocumentKind): void {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw malformed(kind === "trust" ? "This policy contains invalid Json" : "Syntax errors in policy.");
  }
  const statements = statementsOf(doc);
  if (!statements) throw malformed("Syntax errors in policy.");
  if (kind === "managed" && (doc as Json).Version !== "2012-10-17") throw malformed("Policy document must be version 2012-10-17 or greater.");
  if (statements.some((s) => s.Effect !== "Allow" && s.Effect !== "Deny")) throw malformed("The policy failed legacy parsing");
  const sids = statements.map((s) => s.Sid).filter((sid) => typeof sid === "string" && sid !== "");
  if (new Set(sids).size !== sids.length) throw malformed("Statement IDs (SID) in a single policy must be unique.");
  for (const s of statements) {
    const actions = s.Action ?? s.NotAction;
    if (actions === undefined || (Array.isArray(actions) && actions.length === 0)) throw malformed("Policy statement must contain actions.");
  }
  for (const s of statements) checkKind(s, kind);
  for (const s of statements) for (const a of list(s.Action ?? s.NotAction)) checkAction(a);
  for (const s of statements) for (const r of list(s.Resource ?? s.NotResource)) checkResource(r);
}
