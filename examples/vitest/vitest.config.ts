// In your project: `globalSetup: ["./globalSetup.ts"]` is all it takes, "ecs-local" comes from
// node_modules. Here, inside ecs-local's own repository, "ecs-local" is this repository's source.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "ecs-local": fileURLToPath(new URL("../../src/index.ts", import.meta.url)) } },
  test: {
    root: fileURLToPath(new URL(".", import.meta.url)),
    include: ["*.test.ts"],
    globalSetup: ["./globalSetup.ts"],
    // A test's first calls load and compile what they use; a busy CI machine needs more than vitest's 5 s.
    testTimeout: 30_000,
  },
});
