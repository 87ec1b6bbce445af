// One ecs-local for the whole test run: started before the first test file, stopped after the last.
import { startServer } from "ecs-local";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    ecsEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startServer(); // a free port on 127.0.0.1
  project.provide("ecsEndpoint", server.endpoint);
  return () => server.stop();
}
