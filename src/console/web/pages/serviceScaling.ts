// A service's auto scaling, as the AWS console's "Service auto scaling" panel shows it: the
// Application Auto Scaling target (minimum and maximum tasks), its policies and scheduled actions,
// and the recent scaling activities.
import type { ScalingPolicy, ScheduledAction } from "../../../services/application-autoscaling/generated/types.js";
import type { App } from "../app.js";
import { RECENT_ACTIVITIES, serviceScaling, type ServiceScaling } from "../appscaling.js";
import { badge, h, summaryList, table, time } from "../dom.js";
import { errorText } from "../ui.js";

function policyTarget(p: ScalingPolicy): string {
  const tt = p.TargetTrackingScalingPolicyConfiguration;
  if (tt) {
    const metric = tt.PredefinedMetricSpecification?.PredefinedMetricType ?? tt.CustomizedMetricSpecification?.MetricName ?? "custom metric";
    return `${metric} at ${tt.TargetValue}`;
  }
  const step = p.StepScalingPolicyConfiguration;
  if (step) return `${step.AdjustmentType ?? "—"}, ${(step.StepAdjustments ?? []).length} step${(step.StepAdjustments ?? []).length === 1 ? "" : "s"}`;
  return "—";
}

function cooldowns(p: ScalingPolicy): string {
  const tt = p.TargetTrackingScalingPolicyConfiguration;
  if (tt) return `out ${tt.ScaleOutCooldown ?? 300} s · in ${tt.ScaleInCooldown ?? 300} s${tt.DisableScaleIn ? " · scale-in disabled" : ""}`;
  const step = p.StepScalingPolicyConfiguration;
  return step?.Cooldown !== undefined ? `${step.Cooldown} s` : "—";
}

function scheduledRow(a: ScheduledAction) {
  const t = a.ScalableTargetAction;
  return [
    a.ScheduledActionName,
    h("code", {}, a.Schedule),
    a.Timezone ?? "UTC",
    `${t?.MinCapacity ?? "—"} / ${t?.MaxCapacity ?? "—"}`,
    a.StartTime ? time(a.StartTime) : "—",
    a.EndTime ? time(a.EndTime) : "—",
  ];
}

function suspended(s: ServiceScaling): string {
  const st = s.target?.SuspendedState;
  const what = [st?.DynamicScalingInSuspended ? "scale-in" : "", st?.DynamicScalingOutSuspended ? "scale-out" : "", st?.ScheduledScalingSuspended ? "scheduled scaling" : ""].filter(Boolean);
  return what.length ? what.join(", ") : "None";
}

function view(s: ServiceScaling): HTMLElement {
  const target = s.target!;
  return h(
    "div",
    { class: "scaling" },
    summaryList([
      ["Minimum tasks", String(target.MinCapacity)],
      ["Maximum tasks", String(target.MaxCapacity)],
      ["Suspended", suspended(s)],
      ["Resource ID", h("code", {}, target.ResourceId)],
      ["Registered", time(target.CreationTime)],
    ]),
    h("h3", {}, `Scaling policies (${s.policies.length})`),
    table(
      "Scaling policies",
      ["Policy", "Type", "Target", "Cooldowns", "Alarms"],
      s.policies.map((p) => [p.PolicyName, p.PolicyType, policyTarget(p), cooldowns(p), (p.Alarms ?? []).map((a) => h("code", { class: "block" }, a.AlarmName))]),
      "No scaling policies.",
    ),
    h("h3", {}, `Scheduled actions (${s.scheduled.length})`),
    table("Scheduled actions", ["Name", "Schedule", "Time zone", "Min / max", "Start", "End"], s.scheduled.map(scheduledRow), "No scheduled actions."),
    h("h3", {}, "Recent scaling activities"),
    table(
      `Scaling activities, the newest ${RECENT_ACTIVITIES}`,
      ["Started", "Status", "Description", "Cause", "Ended"],
      s.activities.map((a) => [time(a.StartTime), badge(a.StatusCode), h("span", {}, a.Description, a.StatusMessage ? h("small", { class: "block muted" }, a.StatusMessage) : null), a.Cause, a.EndTime ? time(a.EndTime) : "—"]),
      "No scaling activities yet.",
    ),
  );
}

/** The section's content; Application Auto Scaling's error is shown in place as Code: message. */
export async function serviceScalingSection(app: App, cluster: string, clusterArn: string | undefined, service: string): Promise<HTMLElement> {
  try {
    const s = await serviceScaling(app.appScaling, cluster, clusterArn, service);
    if (!s.target) return h("p", { class: "empty" }, "No scalable target: the desired count changes only when someone changes it. Register the service with Application Auto Scaling (RegisterScalableTarget, ResourceId service/", cluster, "/", service, ") to scale it.");
    return view(s);
  } catch (e) {
    return h("p", { class: "form-error" }, errorText(e));
  }
}
