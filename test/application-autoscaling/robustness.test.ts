// No client mistake may produce a 500 or a stack trace: every operation gets inputs built from its
// schema (empty, minimal, full, one member made wrong) against a scalable target with a policy and a
// scheduled action, the clock moves after each (timers run on the fuzzed state), and every answer is
// a success or an error the model lists.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCHEMAS_DIR } from "../../src/paths.js";
import { OPERATION_ERRORS, OPERATIONS, TARGET_PREFIX } from "../../src/services/application-autoscaling/generated/operations.js";
import { InputFactory, prng, seedOf, type Variant } from "../helpers/fuzz.js";
import { PROTOCOL_ERRORS, startLocal, type RawResponse, type TestLocal } from "../helpers/local.js";
import { jsonCalls } from "../helpers/json.js";
import { ECS, ecsService } from "./fixtures.js";

const STACK = /\n\s+at |\bat (?:async )?[\w.$<>]+ \((?:file:|node:|\/)|TypeError|ReferenceError|Cannot read propert/;

let t: TestLocal;
beforeAll(async () => (t = await startLocal()));
afterAll(() => t.close());

async function seed(): Promise<{ named: Record<string, unknown>; arns: string[] }> {
  t.local.reset();
  const aas = jsonCalls(t, "application-autoscaling");
  const ResourceId = await ecsService(t, "robust", "web", 1);
  const on = { ServiceNamespace: "ecs", ResourceId, ScalableDimension: ECS };
  const { ScalableTargetARN } = await aas.call("RegisterScalableTarget", { ...on, MinCapacity: 1, MaxCapacity: 3 });
  const { PolicyARN } = await aas.call("PutScalingPolicy", { ...on, PolicyName: "cpu", PolicyType: "TargetTrackingScaling", TargetTrackingScalingPolicyConfiguration: { TargetValue: 50, PredefinedMetricSpecification: { PredefinedMetricType: "ECSServiceAverageCPUUtilization" } } });
  await aas.call("PutScheduledAction", { ...on, ScheduledActionName: "night", Schedule: "cron(0/5 * * * ? *)", ScalableTargetAction: { MinCapacity: 2 } });
  const named = { ...on, ResourceIds: [ResourceId], PolicyName: "cpu", PolicyNames: ["cpu"], ScheduledActionName: "night", ScheduledActionNames: ["night"], ResourceARN: ScalableTargetARN, Schedule: "rate(5 minutes)", MinCapacity: 1, MaxCapacity: 3, TargetValue: 50 };
  return { named, arns: [ScalableTargetARN, PolicyARN] };
}

function problem(op: string, res: RawResponse, input: unknown = {}): string | undefined {
  if (STACK.test(res.text)) return `stack trace or JS error in the body (${res.status})`;
  if (res.status === 200) return undefined;
  if (res.status >= 500 || res.status < 400) return `status ${res.status}`;
  const b = res.body;
  if (!b || typeof b.__type !== "string" || typeof b.message !== "string") return `error body is not {__type, message}`;
  if (![...OPERATION_ERRORS[op as keyof typeof OPERATION_ERRORS], ...PROTOCOL_ERRORS].includes(b.__type)) return `${b.__type} is not listed for ${op}`;
  // A message may quote the input (a mutation writes "undefined" into a field); nothing else of ours.
  const leak = /undefined|\[object Object\]|NaN/.exec(b.message);
  if (leak && !JSON.stringify(input).includes(leak[0])) return `message leaks an internal value`;
  return undefined;
}

describe("every operation answers every malformed input with a listed error", () => {
  for (const op of OPERATIONS) {
    it(op, async () => {
      const { named, arns } = await seed();
      const f = new InputFactory(`${SCHEMAS_DIR}/application-autoscaling`, op, named, arns, prng(seedOf(op)));
      const minimal = f.minimal();
      const full = f.full();
      const variants: Variant[] = [{ label: "{}", input: {} }, ...f.topLevel(minimal), ...f.nested(full, 10), ...f.topLevel(full), { label: "full", input: full }, { label: "minimal", input: minimal }];
      const failures: string[] = [];
      for (const v of variants) {
        const res = await t.raw(`${TARGET_PREFIX}.${op}`, JSON.stringify(v.input));
        const why = problem(op, res, v.input);
        try {
          t.advance(61_000);
        } catch (e) {
          failures.push(`${v.label}: the clock step after it threw ${String(e)}\n    input ${JSON.stringify(v.input).slice(0, 300)}`);
        }
        if (why) failures.push(`${v.label}: ${why}\n    input ${JSON.stringify(v.input).slice(0, 300)}\n    answer ${res.text.slice(0, 300)}`);
      }
      for (const [read, input] of [["DescribeScalableTargets", {}], ["DescribeScalingPolicies", {}], ["DescribeScheduledActions", {}], ["DescribeScalingActivities", { IncludeNotScaledActivities: true }]] as const) {
        const res = await t.raw(`${TARGET_PREFIX}.${read}`, JSON.stringify({ ServiceNamespace: "ecs", ...input }));
        const why = problem(read, res);
        if (why) failures.push(`after the variants, ${read}: ${why}\n    answer ${res.text.slice(0, 300)}`);
      }
      expect(failures, failures.join("\n")).toEqual([]);
    }, 60_000);
  }
});
