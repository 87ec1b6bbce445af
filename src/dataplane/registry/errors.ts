// The registry's answers in the Registry HTTP API v2's error form, and ECR's: `NAME_UNKNOWN` for a
// repository ECR does not know ("The repository with name 'x' does not exist in the registry with id
// '123456789012'", as `docker push` shows it: aws-actions/amazon-ecr-login#166), `MANIFEST_UNKNOWN`
// "Requested image not found", `TAG_INVALID` for an immutable tag; and the Basic challenge ECR sends
// without credentials (401, `Www-Authenticate: Basic realm="https://<registry>/",service="ecr.amazonaws.com"`,
// a `Not Authorized` text body: NVIDIA/enroot#59).
import type { ServerResponse } from "node:http";

export const API_VERSION_HEADER = { "Docker-Distribution-Api-Version": "registry/2.0" };

export function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  const body = JSON.stringify({ errors: [{ code, message, detail: null }] });
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, { ...API_VERSION_HEADER, "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}

export function challenge(res: ServerResponse, host: string): void {
  const body = "Not Authorized\n";
  res.writeHead(401, {
    ...API_VERSION_HEADER,
    "Www-Authenticate": `Basic realm="http://${host}/",service="ecr.amazonaws.com"`,
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
  });
  res.end(body);
}

export const registryErrors = {
  nameUnknown: (res: ServerResponse, name: string, registry: string) =>
    sendError(res, 404, "NAME_UNKNOWN", `The repository with name '${name}' does not exist in the registry with id '${registry}'`),
  manifestUnknown: (res: ServerResponse) => sendError(res, 404, "MANIFEST_UNKNOWN", "Requested image not found"),
  expired: (res: ServerResponse) => sendError(res, 403, "DENIED", "Your authorization token has expired. Reauthenticate and try again."),
  unsupported: (res: ServerResponse) => sendError(res, 405, "UNSUPPORTED", "The operation is unsupported."),
  unavailable: (res: ServerResponse, why: string) => sendError(res, 503, "UNAVAILABLE", why),
};
