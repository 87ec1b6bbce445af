// The page's shared pieces: dialogs for actions, notices for their outcome, and swapping live
// content in without losing the reader's keyboard focus.
import { ApiError } from "./api.js";
import { h, type Child } from "./dom.js";

/** Text of an error as the API wrote it: "Code: message". */
export function errorText(e: unknown): string {
  if (e instanceof ApiError) return `${e.code}: ${e.message}`;
  return e instanceof Error ? e.message : String(e);
}

/**
 * Replaces `slot`'s content with `next` when it differs from what is shown. A live page redraws
 * every second; unchanged content stays put, and the focused control (by its data-key) is focused
 * again after a redraw so keyboard users keep their place.
 */
export function swap(slot: HTMLElement, next: Node): void {
  const holder = document.createElement("div");
  holder.appendChild(next);
  if (slot.innerHTML === holder.innerHTML) return;
  const active = document.activeElement as HTMLElement | null;
  const key = active && slot.contains(active) ? active.dataset.key : undefined;
  slot.replaceChildren(...holder.childNodes);
  if (key) slot.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus();
}

let notices: HTMLElement | undefined;

/** Announces the outcome of an action; errors are alerts, successes polite status messages. */
export function notify(text: string, kind: "ok" | "error" = "ok"): void {
  notices ??= document.getElementById("notices")!;
  const n = h("div", { class: `notice ${kind}`, role: kind === "error" ? "alert" : "status" }, h("span", {}, text), h("button", { type: "button", class: "link", "aria-label": "Dismiss", onclick: () => n.remove() }, "×"));
  notices.appendChild(n);
  if (kind === "ok") setTimeout(() => n.remove(), 8000);
}

export interface FormDialog {
  title: string;
  submitLabel: string;
  /** The form's fields; built once when the dialog opens. */
  body: Child[];
  /** Runs the action; its answer is the success notice. A thrown error is shown in the dialog. */
  submit(form: HTMLFormElement): Promise<string>;
  danger?: boolean;
}

/** A modal dialog with a form: Escape or Cancel closes it, errors stay inside it until fixed. */
export function openDialog(spec: FormDialog, after: () => void = () => undefined): HTMLDialogElement {
  const error = h("div", { class: "form-error", role: "alert", "aria-live": "assertive" });
  const submit = h("button", { type: "submit", class: spec.danger ? "danger" : "primary" }, spec.submitLabel);
  const titleId = `dlg-${Math.random().toString(36).slice(2)}`;
  const form = h(
    "form",
    { method: "dialog", novalidate: true },
    h("h2", { id: titleId }, spec.title),
    h("div", { class: "form-body" }, ...spec.body),
    error,
    h("div", { class: "form-actions" }, h("button", { type: "button", onclick: () => dialog.close() }, "Cancel"), submit),
  );
  const dialog = h("dialog", { "aria-labelledby": titleId }, form);
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    error.textContent = "";
    submit.disabled = true;
    try {
      const message = await spec.submit(form);
      dialog.close();
      notify(message);
      after();
    } catch (e) {
      error.textContent = errorText(e);
    } finally {
      submit.disabled = false;
    }
  });
  dialog.addEventListener("close", () => dialog.remove());
  document.body.appendChild(dialog);
  dialog.showModal();
  return dialog;
}

let fieldSeq = 0;

/** A labelled control; `hint` is tied to it with aria-describedby. */
export function field(label: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, hint?: string): HTMLElement {
  const id = control.id || `f${++fieldSeq}`;
  control.id = id;
  const hintEl = hint ? h("small", { id: `${id}-hint`, class: "hint" }, hint) : null;
  if (hintEl) control.setAttribute("aria-describedby", hintEl.id);
  return h("div", { class: "field" }, h("label", { for: id }, label), control, hintEl);
}

export function select(name: string, options: (string | [string, string])[], value?: string): HTMLSelectElement {
  return h("select", { name }, ...options.map((o) => {
    const [v, text] = Array.isArray(o) ? o : [o, o];
    return h("option", { value: v, selected: v === value }, text);
  }));
}

export function input(name: string, attrs: Record<string, string | number | boolean | undefined> = {}): HTMLInputElement {
  return h("input", { name, type: "text", ...attrs });
}

export function value(form: HTMLFormElement, name: string): string {
  const el = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null;
  return el ? el.value.trim() : "";
}

export function checked(form: HTMLFormElement, name: string): boolean {
  return (form.elements.namedItem(name) as HTMLInputElement | null)?.checked ?? false;
}
