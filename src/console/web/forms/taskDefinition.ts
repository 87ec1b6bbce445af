// Register a task definition revision from the console's form or from pasted JSON; deregister one.
import type { Compatibility, KeyValuePair, NetworkMode, PortMapping, RegisterTaskDefinitionRequest, TransportProtocol } from "../../../services/ecs/generated/types.js";
import type { App } from "../app.js";
import { h } from "../dom.js";
import { href } from "../router.js";
import { field, input, openDialog, select, value } from "../ui.js";

/** "80", "8080:80", "53/udp", "0:8080/tcp" → port mappings; containerPort is the last number. */
export function portMappings(text: string): PortMapping[] {
  return text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((spec) => {
      const [ports, protocol] = spec.split("/");
      const nums = ports.split(":").map(Number);
      const containerPort = nums[nums.length - 1];
      const hostPort = nums.length > 1 ? nums[0] : undefined;
      return { containerPort, ...(hostPort !== undefined ? { hostPort } : {}), ...(protocol ? { protocol: protocol as TransportProtocol } : {}) };
    });
}

/** KEY=VALUE lines → environment entries. */
export function environment(text: string): KeyValuePair[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const i = l.indexOf("=");
      return i < 0 ? { name: l, value: "" } : { name: l.slice(0, i), value: l.slice(i + 1) };
    });
}

function optionalNumber(form: HTMLFormElement, name: string): number | undefined {
  const v = value(form, name);
  return v === "" ? undefined : Number(v);
}

function fromForm(form: HTMLFormElement): RegisterTaskDefinitionRequest {
  const compat = value(form, "compatibility") as Compatibility;
  const cpu = value(form, "taskCpu");
  const memory = value(form, "taskMemory");
  const ports = portMappings(value(form, "ports"));
  const env = environment(value(form, "environment"));
  return {
    family: value(form, "family"),
    requiresCompatibilities: [compat],
    ...(value(form, "networkMode") ? { networkMode: value(form, "networkMode") as NetworkMode } : {}),
    ...(cpu ? { cpu } : {}),
    ...(memory ? { memory } : {}),
    containerDefinitions: [
      {
        name: value(form, "containerName"),
        image: value(form, "image"),
        essential: true,
        ...(optionalNumber(form, "containerCpu") !== undefined ? { cpu: optionalNumber(form, "containerCpu") } : {}),
        ...(optionalNumber(form, "containerMemory") !== undefined ? { memory: optionalNumber(form, "containerMemory") } : {}),
        ...(ports.length ? { portMappings: ports } : {}),
        ...(env.length ? { environment: env } : {}),
      },
    ],
  };
}

export function registerTaskDefinitionDialog(app: App, family = ""): void {
  const jsonArea = h("textarea", { name: "json", rows: 14, spellcheck: "false", class: "code", placeholder: '{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 128}]}' });
  const mode = (m: string, label: string, on: boolean) => h("span", { class: "check" }, h("input", { type: "radio", name: "mode", id: `mode-${m}`, value: m, checked: on }), h("label", { for: `mode-${m}` }, label));
  const formPart = h(
    "div",
    { id: "td-form" },
    field("Task definition family", input("family", { required: true, autocomplete: "off", value: family })),
    h("div", { class: "row" }, field("Launch type compatibility", select("compatibility", ["EC2", "FARGATE", "EXTERNAL"], "EC2")), field("Network mode", select("networkMode", [["", "default (bridge on EC2)"], "bridge", "host", "awsvpc", "none"], ""))),
    h("div", { class: "row" }, field("Task CPU (units)", input("taskCpu", { autocomplete: "off", placeholder: "e.g. 256" }), "Required for Fargate."), field("Task memory (MiB)", input("taskMemory", { autocomplete: "off", placeholder: "e.g. 512" }))),
    h("fieldset", {}, h("legend", {}, "Container"),
      h("div", { class: "row" }, field("Name", input("containerName", { required: true, autocomplete: "off" })), field("Image", input("image", { required: true, autocomplete: "off", placeholder: "nginx:latest" }))),
      h("div", { class: "row" }, field("CPU units", input("containerCpu", { type: "number", min: 0, inputmode: "numeric" })), field("Memory hard limit (MiB)", input("containerMemory", { type: "number", min: 0, inputmode: "numeric" }))),
      field("Port mappings", input("ports", { autocomplete: "off", placeholder: "80, 8080:80, 53/udp" }), "containerPort, or hostPort:containerPort, optionally /tcp or /udp; commas between."),
      field("Environment", h("textarea", { name: "environment", rows: 3, class: "code", placeholder: "KEY=value" }), "One KEY=value per line."),
    ),
  );
  const jsonPart = h("div", { id: "td-json", hidden: true }, field("Task definition JSON", jsonArea, "The body of RegisterTaskDefinition, as `aws ecs register-task-definition --cli-input-json` takes it."));
  const dialog = openDialog(
    {
      title: "Create new task definition revision",
      submitLabel: "Register",
      body: [h("fieldset", { class: "inline" }, h("legend", {}, "Enter"), mode("form", "Form", true), mode("json", "JSON", false)), formPart, jsonPart],
      async submit(form) {
        const useJson = (form.querySelector<HTMLInputElement>("input[name=mode]:checked")?.value ?? "form") === "json";
        let request: RegisterTaskDefinitionRequest;
        if (useJson) {
          try {
            request = JSON.parse(value(form, "json"));
          } catch (e) {
            throw new Error(`The JSON does not parse: ${(e as Error).message}`);
          }
        } else request = fromForm(form);
        const r = await app.ecs.call("RegisterTaskDefinition", request);
        const td = r.taskDefinition!;
        location.hash = href.family(td.family!, td.revision);
        return `Registered ${td.family}:${td.revision}.`;
      },
    },
    app.refresh,
  );
  dialog.addEventListener("change", () => {
    const json = dialog.querySelector<HTMLInputElement>("#mode-json")!.checked;
    formPart.hidden = json;
    jsonPart.hidden = !json;
  });
}

export function deregisterDialog(app: App, arn: string, label: string): void {
  openDialog(
    {
      title: `Deregister ${label}?`,
      submitLabel: "Deregister",
      danger: true,
      body: [h("p", {}, "The revision becomes INACTIVE: running tasks and services keep it, new ones cannot use it.")],
      async submit() {
        await app.ecs.call("DeregisterTaskDefinition", { taskDefinition: arn });
        return `${label} deregistered.`;
      },
    },
    app.refresh,
  );
}
