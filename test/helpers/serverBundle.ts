// The end-to-end tests start the server as a process, about forty times in a run. Started by tsx
// from the sources, each start took about 1.1 s of CPU (Node's ES module loader resolving and
// compiling some hundreds of modules); from the bundle, as the package ships it, 0.16 s. So
// the global set-up builds the command the way the package's build does (scripts/transpile.mjs,
// then scripts/server-bundle.mjs's options), from the sources as they are now, in about a second.
import { dirname, join } from "node:path";
import { build } from "esbuild";
import { makeCodeCache } from "../../scripts/code-cache.mjs";
import { BUNDLE_OPTIONS, bundleCommand } from "../../scripts/server-bundle.mjs";
import { transpileSources } from "../../scripts/transpile.mjs";
import { REPO_ROOT } from "../../src/paths.js";

/** The bundled command (`node <file> --port 0 …`); at dist/test-bundle, beside the build's own dist/bundle and never packed. */
export const TEST_SERVER = join(REPO_ROOT, "dist", "test-bundle", "ecs-local.cjs");

export async function bundleTestServer(): Promise<string> {
  // Where the package's build (prepack) transpiles too: it finds these files fresh (same sources by
  // hash, scripts/transpile.mjs) rather than writing them again. Two levels below the root, as
  // dist/src is: code that walks up to package.json finds the same root.
  const js = await transpileSources(build, REPO_ROOT, join(REPO_ROOT, "dist", "js"));
  // Validators compile from the schemas and are cached as in a run from the sources (src/protocol/validate.ts).
  await bundleCommand(build, join(js, "main.js"), TEST_SERVER, { ...BUNDLE_OPTIONS, define: { ...BUNDLE_OPTIONS.define, __ECS_LOCAL_SOURCES__: "true" } });
  // And its code cache, as the build makes one: every start of the tests goes through it (test/bundle.test.ts checks V8 takes it).
  await makeCodeCache(dirname(TEST_SERVER), js);
  return TEST_SERVER;
}
