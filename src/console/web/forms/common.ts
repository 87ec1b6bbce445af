// Pieces the action forms share: the task definition picker, placement and network settings.
import type { AwsVpcConfiguration, NetworkConfiguration, PlacementStrategy, PlacementStrategyType } from "../../../services/ecs/generated/types.js";
import type { App } from "../app.js";
import { taskDefinitionChoices } from "../data.js";
import { h } from "../dom.js";
import { field, input, select, value } from "../ui.js";

let listSeq = 0;

/** Free text (family, family:revision or ARN, checked by the API) with the active revisions offered. */
export async function taskDefinitionField(app: App, current?: string): Promise<HTMLElement> {
  const choices = await taskDefinitionChoices(app.ecs);
  const id = `td-choices-${++listSeq}`;
  const control = input("taskDefinition", { list: id, required: true, autocomplete: "off", value: current ?? choices[0] });
  return h("div", {}, field("Task definition", control, "family, family:revision or ARN"), h("datalist", { id }, ...choices.map((c) => h("option", { value: c }))));
}

export const PLACEMENT_CHOICES: [string, string][] = [
  ["", "ECS default"],
  ["spread:attribute:ecs.availability-zone,spread:instanceId", "AZ balanced spread"],
  ["spread:instanceId", "Spread across instances"],
  ["binpack:memory", "Binpack on memory"],
  ["binpack:cpu", "Binpack on CPU"],
  ["random:", "Random"],
];

export function placementField(): HTMLElement {
  return field("Placement strategy", select("placement", PLACEMENT_CHOICES, ""), "Used by the EC2 launch type.");
}

export function placementStrategy(form: HTMLFormElement): PlacementStrategy[] | undefined {
  const v = value(form, "placement");
  if (!v) return undefined;
  return v.split(",").map((part) => {
    const [type, ...fieldParts] = part.split(":");
    const f = fieldParts.join(":");
    return { type: type as PlacementStrategyType, ...(f ? { field: f } : {}) };
  });
}

export function networkFields(): HTMLElement {
  return h(
    "fieldset",
    {},
    h("legend", {}, "Networking (awsvpc and Fargate)"),
    field("Subnets", input("subnets", { placeholder: "subnet-1, subnet-2", autocomplete: "off" }), "Comma-separated; leave empty for bridge and host network modes."),
    field("Security groups", input("securityGroups", { placeholder: "sg-1", autocomplete: "off" })),
  );
}

function list(form: HTMLFormElement, name: string): string[] {
  return value(form, name).split(/[\s,]+/).filter(Boolean);
}

export function networkConfiguration(form: HTMLFormElement): NetworkConfiguration | undefined {
  const subnets = list(form, "subnets");
  const securityGroups = list(form, "securityGroups");
  if (!subnets.length && !securityGroups.length) return undefined;
  const awsvpcConfiguration: AwsVpcConfiguration = { subnets, ...(securityGroups.length ? { securityGroups } : {}) };
  return { awsvpcConfiguration };
}

export function launchTypeField(chosen = "EC2"): HTMLElement {
  return field("Launch type", select("launchType", ["EC2", "FARGATE", "EXTERNAL"], chosen));
}

/** A number field whose text goes to the API as is: "abc" or 11 get the API's own answer. */
export function numberOf(form: HTMLFormElement, name: string): number {
  const v = value(form, name);
  return v === "" ? NaN : Number(v);
}
