// A container's CloudWatch Logs, read as the AWS console's Logs tab does: the awslogs stream of the
// container, oldest first and newest at the bottom, followed with GetLogEvents' forward token.
import type { ContainerDefinition, Container } from "../../services/ecs/generated/types.js";
import type { GetLogEventsResponse } from "../../services/logs/generated/types.js";
import { TARGET_PREFIX } from "../../services/logs/generated/operations.js";
import { ApiError, postJson, type Where } from "./api.js";
import { h } from "./dom.js";
import { errorText } from "./ui.js";

export interface LogStream {
  where: Where;
  group: string;
  stream: string;
}

/**
 * Where the awslogs driver writes this container's output, as the agent names it: the stream is
 * `<awslogs-stream-prefix>/<container name>/<task id>`, or without a prefix the container's
 * runtime id; the region is `awslogs-region` when set. Undefined when the container does not use awslogs.
 */
export function awslogsStream(where: Where, def: ContainerDefinition | undefined, container: Container, taskId: string): LogStream | undefined {
  const lc = def?.logConfiguration;
  if (lc?.logDriver !== "awslogs" || !lc.options?.["awslogs-group"]) return undefined;
  const o = lc.options;
  const prefix = o["awslogs-stream-prefix"];
  return {
    where: { accountId: where.accountId, region: o["awslogs-region"] || where.region },
    group: o["awslogs-group"]!,
    stream: prefix ? `${prefix}/${container.name}/${taskId}` : (container.runtimeId ?? taskId),
  };
}

/** The log driver a container definition names, for saying why there are no logs to show. */
export function logDriver(def: ContainerDefinition | undefined): string | undefined {
  return def?.logConfiguration?.logDriver;
}

const EVENT_LIMIT = 2000;

/** One container's log panel; `poll` fetches what was written since the last poll and appends it. */
export class LogPanel {
  readonly element: HTMLElement;
  private readonly status: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly box: HTMLElement;
  private token: string | undefined;

  constructor(
    readonly containerName: string,
    readonly source: LogStream,
  ) {
    const id = `logs-${containerName.replace(/[^A-Za-z0-9_-]/g, "_")}`;
    this.status = h("p", { class: "log-status muted", role: "status" }, "Reading…");
    this.list = h("ol", { class: "log-lines" });
    this.box = h("div", { class: "log-box", tabindex: 0, role: "log", "aria-labelledby": id, "aria-live": "polite" }, this.list);
    this.element = h(
      "section",
      { class: "log-panel", "aria-labelledby": id },
      h("h3", { id }, `Logs: ${containerName}`),
      h("p", { class: "log-source" }, "Log group ", h("code", {}, source.group), " · stream ", h("code", {}, source.stream), source.where.region ? ` · ${source.where.region}` : ""),
      this.box,
      this.status,
    );
  }

  async poll(): Promise<void> {
    const { where, group, stream } = this.source;
    let page: GetLogEventsResponse;
    try {
      // From the head the first time, then from the forward token: each poll gets only what is new.
      page = (await postJson(where, "logs", `${TARGET_PREFIX}.GetLogEvents`, "1.1", { logGroupName: group, logStreamName: stream, startFromHead: true, ...(this.token ? { nextToken: this.token } : {}) })) as GetLogEventsResponse;
    } catch (e) {
      const missing = e instanceof ApiError && e.code === "ResourceNotFoundException";
      this.status.textContent = missing ? `${errorText(e)} The container writes to group ${group}, stream ${stream}; the stream appears when the container starts with the awslogs driver.` : errorText(e);
      this.status.classList.toggle("error", !missing);
      return;
    }
    this.status.classList.remove("error");
    const events = page.events ?? [];
    if (events.length) {
      // Following: stay at the bottom when the reader was there; leave them where they scrolled otherwise.
      const atBottom = this.box.scrollHeight - this.box.scrollTop - this.box.clientHeight < 8;
      for (const e of events) {
        this.list.appendChild(h("li", {}, h("time", { datetime: new Date(e.timestamp ?? 0).toISOString() }, new Date(e.timestamp ?? 0).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" })), " ", h("span", { class: "log-message" }, e.message ?? "")));
      }
      while (this.list.children.length > EVENT_LIMIT) this.list.firstElementChild!.remove();
      if (atBottom) this.box.scrollTop = this.box.scrollHeight;
    }
    if (page.nextForwardToken) this.token = page.nextForwardToken;
    const n = this.list.children.length;
    this.status.textContent = n === 0 ? "No log events in this stream yet. Following: new events appear here." : `${n} event${n === 1 ? "" : "s"}, newest at the bottom. Following.`;
  }
}
