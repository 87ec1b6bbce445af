// AWS::ApplicationAutoScaling::ScalableTarget: Ref is `<resource id>|<dimension>|<namespace>`.
// RegisterScalableTarget both makes and changes it; its inline ScheduledActions follow the template.
import { toInput } from "./shape.js";
import type { ProviderContext, ResourceProvider } from "./provider.js";

const key = (p: Record<string, any>) => ({ ServiceNamespace: p.ServiceNamespace, ResourceId: p.ResourceId, ScalableDimension: p.ScalableDimension });

function register(props: Record<string, any>, pc: ProviderContext): void {
  const { ScheduledActions, ...rest } = props;
  pc.call("application-autoscaling", "RegisterScalableTarget", toInput("application-autoscaling", "RegisterScalableTarget", rest));
}

function schedule(props: Record<string, any>, before: Record<string, any>[] = [], after: Record<string, any>[] = [], pc: ProviderContext): void {
  for (const a of before) if (!after.some((b) => b.ScheduledActionName === a.ScheduledActionName)) pc.call("application-autoscaling", "DeleteScheduledAction", { ...key(props), ScheduledActionName: a.ScheduledActionName });
  for (const a of after) {
    if (JSON.stringify(before.find((b) => b.ScheduledActionName === a.ScheduledActionName)) === JSON.stringify(a)) continue;
    pc.call("application-autoscaling", "PutScheduledAction", toInput("application-autoscaling", "PutScheduledAction", { ...key(props), ...a }));
  }
}

export const provider: ResourceProvider = {
  type: "AWS::ApplicationAutoScaling::ScalableTarget",
  operations: { "application-autoscaling": ["RegisterScalableTarget", "DeregisterScalableTarget", "PutScheduledAction", "DeleteScheduledAction"] },
  attributes: ["Id"],
  replaceOn: ["ResourceId", "ScalableDimension", "ServiceNamespace"],
  create(props, pc) {
    register(props, pc);
    schedule(props, [], props.ScheduledActions, pc);
    const id = `${props.ResourceId}|${props.ScalableDimension}|${props.ServiceNamespace}`;
    return { physicalId: id, attributes: { Id: id } };
  },
  update(props, old, pc) {
    register(props, pc);
    schedule(props, old.properties?.ScheduledActions as never, props.ScheduledActions, pc);
    return { physicalId: old.physicalId!, attributes: old.attributes };
  },
  delete(record, pc) {
    pc.call("application-autoscaling", "DeregisterScalableTarget", key(record.properties ?? {}));
  },
};
