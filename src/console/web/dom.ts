// A few lines of DOM building instead of a framework: h("tag", {attrs}, ...children).
export type Child = Node | string | number | null | undefined | false | Child[];
type Attrs = Record<string, string | number | boolean | undefined | null | ((e: any) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (typeof v === "function") el.addEventListener(k.replace(/^on/, "").toLowerCase(), v);
    else if (v === true) el.setAttribute(k, "");
    else if (k === "value" && "value" in el) (el as HTMLInputElement).value = String(v);
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

export function append(el: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
}

/** The tail of an ARN or id: what the AWS console shows in its tables. */
export function shortId(arn: string | undefined): string {
  if (!arn) return "—";
  return arn.split("/").pop() ?? arn;
}

/** Epoch seconds (the API's timestamps) as local date and time. */
export function time(seconds: number | undefined): string {
  if (seconds === undefined) return "—";
  const d = new Date(seconds * 1000);
  const today = d.toDateString() === new Date().toDateString();
  const clock = d.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  return today ? clock : `${d.toLocaleDateString(undefined, { month: "short", day: "numeric" })}, ${clock}`;
}

/** A status as a coloured badge; the word itself is always shown, colour only helps. */
export function badge(status: string | undefined): HTMLElement {
  const s = status ?? "—";
  // ECS writes states in capitals, EC2 and ELBv2 in lower case (running, healthy, draining).
  const u = s.toUpperCase();
  // Auto Scaling writes InService and Terminating:Wait, CloudFormation CREATE_COMPLETE and
  // UPDATE_ROLLBACK_COMPLETE (a rollback is bad news even when it completes).
  const tone = /FAILED|STOPPED|INACTIVE|UNHEALTHY|DEREGISTERED|TERMINATED|ROLLBACK_COMPLETE/.test(u)
    ? "bad"
    : /DRAINING|PENDING|PROVISIONING|ACTIVATING|STOPPING|IN_?PROGRESS|INITIAL|SHUTTING-DOWN|TERMINATING|:WAIT/.test(u)
      ? "warn"
      : /RUNNING|ACTIVE|COMPLETE|HEALTHY|REGISTERED|CONNECTED|SUCCESSFUL|INSERVICE/.test(u)
        ? "ok"
        : "plain";
  return h("span", { class: `badge ${tone}` }, s);
}

/** A link inside the page (hash routing). */
export function link(href: string, ...children: Child[]): HTMLAnchorElement {
  return h("a", { href }, ...children);
}

export function table(caption: string, head: string[], rows: Child[][], empty: string): HTMLElement {
  if (rows.length === 0) return h("p", { class: "empty" }, empty);
  return h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      {},
      h("caption", { class: "sr-only" }, caption),
      h("thead", {}, h("tr", {}, ...head.map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, ...rows.map((r) => h("tr", {}, ...r.map((c) => h("td", {}, c))))),
    ),
  );
}

export function encode(part: string): string {
  return encodeURIComponent(part);
}

/** Label and value pairs in the summary box the pages open with. */
export function summaryList(rows: [string, Child][], cls = "summary"): HTMLElement {
  return h("dl", { class: cls }, ...rows.map(([k, v]) => h("div", {}, h("dt", {}, k), h("dd", {}, v ?? "—"))));
}

/** A titled part of a page; its heading names it for assistive technology. */
export function section(id: string, title: Child, ...children: Child[]): HTMLElement {
  return h("section", { "aria-labelledby": id }, h("h2", { id }, title), ...children);
}
