// A container's `environmentFiles`, read from S3 as the ECS agent reads them with the task execution
// role before it starts anything: `VARIABLE=VALUE` lines, `#` comments and blank lines skipped, the
// first file that names a variable wins, and the definition's own `environment` wins over every file.
// An override's list replaces the definition's, as ContainerOverride documents.
import type { Backends } from "../../backends.js";
import type { TaskRun } from "../../../runtime/runtime.js";

const PREFIX = "ResourceInitializationError: failed to download env files: ";
const S3_OBJECT_ARN = /^arn:aws[a-z-]*:s3:::([^/]+)\/(.+)$/;

export type EnvironmentFileResolution = { values: Record<string, Record<string, string>> } | { failure: string };

/** The variables of one file, in the agent's reading: split at the first `=`, both sides non-empty. */
export function parseEnvironmentFile(text: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const at = line.indexOf("=");
    if (at <= 0 || at === line.length - 1) continue;
    vars.set(line.slice(0, at), line.slice(at + 1));
  }
  return vars;
}

function failed(status: 403 | 404): { failure: string } {
  const error = status === 404 ? "api error NotFound: Not Found" : "api error Forbidden: Forbidden";
  return { failure: `${PREFIX}service call has been retried 1 time(s): operation error S3: HeadObject, https response error StatusCode: ${status}, ${error}` };
}

/** Every container's variables from its files, by container name; the first file that cannot be read fails the task. */
export function readEnvironmentFiles(peers: Backends, run: TaskRun): EnvironmentFileResolution {
  const values: Record<string, Record<string, string>> = {};
  for (const def of run.td.containerDefinitions ?? []) {
    const override = run.task.overrides?.containerOverrides?.find((o) => o.name === def.name);
    const files = override?.environmentFiles ?? def.environmentFiles ?? [];
    if (!files.length) continue;
    const own: Record<string, string> = {};
    for (const file of files) {
      const m = S3_OBJECT_ARN.exec(file.value);
      if (!m) return failed(404);
      const read = peers.s3.readObject(run.accountId, m[1], m[2]);
      if ("error" in read) return failed(read.error === "AccessDenied" ? 403 : 404);
      for (const [k, v] of parseEnvironmentFile(read.bytes.toString("utf8"))) if (!(k in own)) own[k] = v;
    }
    values[def.name!] = own;
  }
  return { values };
}
