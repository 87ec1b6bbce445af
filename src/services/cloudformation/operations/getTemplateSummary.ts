import type { Handler } from "../context.js";
import { declaredTransforms, readTemplate, requiredCapability, templateBody } from "../domain/deployment.js";
import { findStack } from "../domain/stacks.js";
import { s3Reader } from "../domain/templateUrl.js";
import { capabilitiesReason } from "./validateTemplate.js";

/** A template's parameters, resource types and capabilities: given as a body, or a stack's own. */
export const getTemplateSummary: Handler<"GetTemplateSummary"> = (input, ctx) => {
  const body = input.StackName !== undefined ? findStack(ctx.state, input.StackName).current.body : templateBody(input, undefined, s3Reader(ctx));
  const t = readTemplate(body);
  const cap = requiredCapability(t);
  return {
    Parameters: Object.entries(t.Parameters ?? {}).map(([k, p]) => ({
      ParameterKey: k,
      ...(p.Default !== undefined ? { DefaultValue: Array.isArray(p.Default) ? p.Default.join(",") : String(p.Default) } : {}),
      ParameterType: p.Type,
      NoEcho: p.NoEcho === true || String(p.NoEcho) === "true",
      ...(p.Description !== undefined ? { Description: p.Description } : {}),
      ParameterConstraints: p.AllowedValues ? { AllowedValues: p.AllowedValues.map(String) } : {},
    })),
    ...(t.Description !== undefined ? { Description: t.Description } : {}),
    ...(cap ? { Capabilities: [cap], CapabilitiesReason: capabilitiesReason(t) } : {}),
    ResourceTypes: [...new Set(Object.values(t.Resources).map((d) => d.Type))],
    Version: t.AWSTemplateFormatVersion ?? "2010-09-09",
    ...(t.Metadata !== undefined ? { Metadata: JSON.stringify(t.Metadata) } : {}),
    DeclaredTransforms: declaredTransforms(body),
    ResourceIdentifierSummaries: [],
  };
};
