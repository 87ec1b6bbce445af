// What a resource provider runs with: the stack's names and tags, and calls into the owning
// service whose errors become the resource's status reason, worded as CloudFormation words them.
import { AwsError } from "../../../protocol/errors.js";
import type { ProviderContext } from "../resources/provider.js";
import type { StackRecord } from "../context.js";
import type { Env } from "./env.js";

/** The service names CloudFormation's handlers report errors under (the SDK's service ids). */
const SERVICE_NAMES: Record<string, string> = { ecs: "Ecs", ec2: "Ec2", elbv2: "ElasticLoadBalancingV2", logs: "CloudWatchLogs", iam: "Iam", ssm: "Ssm", secretsmanager: "SecretsManager", autoscaling: "AutoScaling", "application-autoscaling": "ApplicationAutoScaling" };

/** An error of a provider's call, already worded as the resource's status reason. */
export class ProviderFailure extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

function handlerCode(code: string): string {
  if (/NotFound/.test(code)) return "NotFound";
  if (/AlreadyExists|Duplicate|InUse/.test(code)) return "AlreadyExists";
  if (/Limit/.test(code)) return "ServiceLimitExceeded";
  if (/UnsupportedOperation/.test(code)) return "NotUpdatable";
  return "InvalidRequest";
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

export function providerContext(env: Env, rec: StackRecord, logicalId: string): ProviderContext {
  const { backend, state, request } = env;
  const ids = backend.ids;
  return {
    accountId: state.accountId,
    region: state.region,
    stackName: rec.stack.StackName,
    stackId: rec.stack.StackId!,
    logicalId,
    tags: rec.current.tags,
    previousTags: rec.resources.get(logicalId)?.stackTags ?? [],
    now: () => backend.timeline.now() / 1000,
    uuid: () => ids.uuid(),
    handlerMessage: (message, code) => `Resource handler returned message: "${message}" (RequestToken: ${ids.uuid()}, HandlerErrorCode: ${code})`,
    call(service, operation, input) {
      try {
        return backend.peers.client.call(service, operation, input, request);
      } catch (e) {
        if (!(e instanceof AwsError)) throw e;
        const svc = SERVICE_NAMES[service] ?? service;
        throw new ProviderFailure(
          `Resource handler returned message: "${e.message} (Service: ${svc}, Status Code: ${e.status}, Request ID: ${ids.uuid()})" (RequestToken: ${ids.uuid()}, HandlerErrorCode: ${handlerCode(e.code)})`,
          e.code,
        );
      }
    },
    generatedName(max = 255, options = {}) {
      const letters = options.upper ? UPPER : ALPHABET;
      const suffix = [...ids.bytes(options.upper ? 13 : 12)].map((b) => letters[b % letters.length]).join("");
      const room = max - suffix.length - 2;
      let stack = rec.stack.StackName;
      let logical = logicalId;
      if (stack.length + logical.length > room) {
        const half = Math.floor(room / 2);
        stack = stack.slice(0, Math.max(half, room - logical.length));
        logical = logical.slice(0, room - stack.length);
      }
      return `${stack}-${logical}-${suffix}`;
    },
  };
}
