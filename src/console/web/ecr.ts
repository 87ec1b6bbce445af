// ECR as the console reads it: DescribeRepositories and DescribeImages (their lowercase nextToken
// pages), and the commands that push an image to a repository of this server.
import type { OperationIO } from "../../services/ecr/generated/operations.js";
import { SIGNING_NAME, TARGET_PREFIX } from "../../services/ecr/generated/operations.js";
import type { ImageDetail, Repository } from "../../services/ecr/generated/types.js";
import { JsonApi, type Where } from "./api.js";

export type Ecr = JsonApi<OperationIO>;

export function ecrClient(where: Where): Ecr {
  return new JsonApi<OperationIO>(where, SIGNING_NAME, TARGET_PREFIX);
}

/** Every page of an ECR listing, following its `nextToken`. */
async function every<T>(page: (nextToken?: string) => Promise<{ items?: T[]; nextToken?: string }>): Promise<T[]> {
  const out: T[] = [];
  let nextToken: string | undefined;
  do {
    const p = await page(nextToken);
    out.push(...(p.items ?? []));
    nextToken = p.nextToken;
  } while (nextToken);
  return out;
}

export async function repositories(ecr: Ecr): Promise<Repository[]> {
  const list = await every(async (nextToken) => {
    const r = await ecr.call("DescribeRepositories", { maxResults: 1000, ...(nextToken ? { nextToken } : {}) });
    return { items: r.repositories, nextToken: r.nextToken };
  });
  return list.sort((a, b) => (a.repositoryName ?? "").localeCompare(b.repositoryName ?? ""));
}

export async function repository(ecr: Ecr, name: string): Promise<Repository> {
  return (await ecr.call("DescribeRepositories", { repositoryNames: [name] })).repositories![0];
}

/** A repository's images, the most recently pushed first (as the AWS console lists them). */
export async function images(ecr: Ecr, name: string): Promise<ImageDetail[]> {
  const list = await every(async (nextToken) => {
    const r = await ecr.call("DescribeImages", { repositoryName: name, maxResults: 1000, ...(nextToken ? { nextToken } : {}) });
    return { items: r.imageDetails, nextToken: r.nextToken };
  });
  return list.sort((a, b) => (b.imagePushedAt ?? 0) - (a.imagePushedAt ?? 0));
}

/** A size as the AWS console shows image sizes: megabytes with two decimals. */
export function megabytes(bytes: number | undefined): string {
  return bytes === undefined ? "—" : `${(bytes / 1_048_576).toFixed(2)} MB`;
}

/** The push commands of a repository, as the AWS console's "View push commands" gives them, for this server. */
export function pushCommands(uri: string, where: Where): string[] {
  const registry = uri.slice(0, uri.indexOf("/"));
  const endpoint = location.origin;
  return [
    `aws ecr get-login-password --region ${where.region} --endpoint-url ${endpoint} | docker login --username AWS --password-stdin ${registry}`,
    `docker tag <image> ${uri}:latest`,
    `docker push ${uri}:latest`,
  ];
}
