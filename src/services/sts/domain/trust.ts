// Whether a role's trust policy lets a caller assume it. Nothing else in ecs-local evaluates
// policies (permissions are not enforced); a trust policy is different: it decides whose credentials
// AssumeRole hands out, and the principal those credentials act as. Evaluated as IAM does for the
// parts deploy tools and CI use: Allow and Deny statements, the sts:AssumeRole* action, AWS and
// Federated principals, and the conditions on `sts:ExternalId` and on the identity provider's token
// claims (`<provider>:aud`, `:sub`, …). Other condition keys are not evaluated (FIDELITY.md).

export interface TrustRequest {
  /** `sts:AssumeRole` or `sts:AssumeRoleWithWebIdentity`. */
  action: string;
  /** For AssumeRole: the caller's account and ARN (a user, `…:root`, or a role session's role ARN and its session ARN). */
  awsPrincipals?: string[];
  /** For AssumeRoleWithWebIdentity: the provider's ARN (`arn:aws:iam::<acct>:oidc-provider/<host>`). */
  federated?: string;
  /** An AWS service assuming the role for a resource of its own (`ecs-tasks.amazonaws.com` for a task's roles). */
  service?: string;
  /** Condition context: `sts:ExternalId`, `<host>:aud`, `<host>:sub`… */
  context: Record<string, string | undefined>;
}

type Json = Record<string, unknown>;

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** Glob as IAM matches actions and StringLike values: `*` any run, `?` one character, case as given. */
function like(pattern: string, value: string, ignoreCase = false): boolean {
  const re = "^" + pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".") + "$";
  return new RegExp(re, ignoreCase ? "is" : "s").test(value);
}

function actionMatches(statement: Json, action: string): boolean {
  if (statement.NotAction !== undefined) return !list(statement.NotAction).some((a) => typeof a === "string" && like(a, action, true));
  return list(statement.Action).some((a) => typeof a === "string" && like(a, action, true));
}

/** A principal element naming `*`, an account id, its root ARN, the caller's own ARN, or the calling service. */
function principalMatches(statement: Json, req: TrustRequest): boolean {
  const p = statement.Principal;
  if (p === "*") return true;
  if (p === null || typeof p !== "object") return false;
  const principal = p as Json;
  if (req.awsPrincipals) {
    for (const v of list(principal.AWS)) {
      if (typeof v !== "string") continue;
      if (v === "*") return true;
      for (const caller of req.awsPrincipals) {
        if (v === caller) return true;
        // An account id or its root ARN names every principal of that account.
        const account = /^\d{12}$/.test(v) ? v : /^arn:aws:iam::(\d{12}):root$/.exec(v)?.[1];
        if (account && caller.split(":")[4] === account) return true;
      }
    }
  }
  if (req.federated) for (const v of list(principal.Federated)) if (v === req.federated) return true;
  if (req.service) for (const v of list(principal.Service)) if (v === req.service) return true;
  return false;
}

const OPERATORS: Record<string, (expected: string, actual: string) => boolean> = {
  StringEquals: (e, a) => e === a,
  StringEqualsIgnoreCase: (e, a) => e.toLowerCase() === a.toLowerCase(),
  StringLike: (e, a) => like(e, a),
};

/**
 * The conditions this evaluator knows, all of which must hold. A key the context does not carry at
 * all (`aws:SourceAccount`…) is not evaluated; a key it carries without a value (no `ExternalId`
 * given) fails a positive operator and passes a negated one, as in IAM.
 */
function conditionsHold(statement: Json, context: Record<string, string | undefined>): boolean {
  const condition = statement.Condition;
  if (condition === null || typeof condition !== "object") return true;
  for (const [operator, block] of Object.entries(condition as Json)) {
    if (block === null || typeof block !== "object") continue;
    const base = operator.replace(/^(ForAnyValue:|ForAllValues:)/, "");
    const negated = base.startsWith("StringNot");
    const test = OPERATORS[base.replace("StringNot", "String")];
    if (!test) continue;
    for (const [key, expected] of Object.entries(block as Json)) {
      const name = Object.keys(context).find((k) => k.toLowerCase() === key.toLowerCase());
      if (name === undefined) continue;
      const actual = context[name];
      const matched = actual !== undefined && list(expected).some((e) => typeof e === "string" && test(e, actual));
      if (negated ? matched : !matched) return false;
    }
  }
  return true;
}

/** True when an Allow statement admits the request and no Deny statement refuses it. */
export function trusts(document: string, req: TrustRequest): boolean {
  let policy: Json;
  try {
    policy = JSON.parse(document) as Json;
  } catch {
    return false;
  }
  const statements = list(policy.Statement).filter((s): s is Json => s !== null && typeof s === "object");
  const applies = (s: Json): boolean => actionMatches(s, req.action) && principalMatches(s, req) && conditionsHold(s, req.context);
  if (statements.some((s) => s.Effect === "Deny" && applies(s))) return false;
  return statements.some((s) => s.Effect === "Allow" && applies(s));
}
