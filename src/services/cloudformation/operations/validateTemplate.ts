import type { Handler } from "../context.js";
import { declaredTransforms, readTemplate, requiredCapability, templateBody } from "../domain/deployment.js";
import { s3Reader } from "../domain/templateUrl.js";

export const validateTemplate: Handler<"ValidateTemplate"> = (input, ctx) => {
  const body = templateBody(input, undefined, s3Reader(ctx));
  const t = readTemplate(body);
  const cap = requiredCapability(t);
  return {
    Parameters: Object.entries(t.Parameters ?? {}).map(([k, p]) => ({
      ParameterKey: k,
      ...(p.Default !== undefined ? { DefaultValue: Array.isArray(p.Default) ? p.Default.join(",") : String(p.Default) } : {}),
      NoEcho: p.NoEcho === true || String(p.NoEcho) === "true",
      ...(p.Description !== undefined ? { Description: p.Description } : {}),
    })),
    ...(t.Description !== undefined ? { Description: t.Description } : {}),
    ...(cap ? { Capabilities: [cap], CapabilitiesReason: capabilitiesReason(t) } : {}),
    DeclaredTransforms: declaredTransforms(body),
  };
};

export function capabilitiesReason(t: { Resources: Record<string, { Type: string }> }): string {
  const iam = Object.entries(t.Resources).filter(([, d]) => d.Type.startsWith("AWS::IAM::")).map(([n]) => n);
  return `The following resource(s) require capabilities: [${[...new Set(iam.map((n) => t.Resources[n].Type))].join(", ")}]`;
}
