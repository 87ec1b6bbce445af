// What ships: the sources as JavaScript (dist/src, from tsc or scripts/transpile.mjs; prepack's
// dist/js) bundled by esbuild into dist/bundle, because Node starts one file far faster than a
// hundred ES modules (each is resolved, read and compiled on its own; README, "Start-up"). The
// command is CommonJS: Node 20 then never starts its ES module loader. A launcher (src/launcher.ts)
// runs its first file from V8's code cache (scripts/code-cache.mjs makes it after this); the first
// file holds only what every start runs; what the sources load lazily (each operation, the server's optional
// parts: Express, the Docker runtime, the data planes) is in files of its own under lazy/,
// compiled on first use (scripts/split-bundle.mjs), since V8 pre-parses every byte of the file
// Node starts. The library is one file.
// Packages stay in node_modules, required where the sources import them. The library is the same
// bundle behind a small ES module, so that it is what its typings (dist/src/index.d.ts) say.
// Plain JavaScript, with esbuild's `build` passed in: `npm run build` and `prepack` run this file,
// the image's build stage (scripts/image-compile.mjs) calls bundleServer with the esbuild it fetched.
import { createHash } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { splitCommand } from "./split-bundle.mjs";

/** How the server is bundled (the end-to-end tests bundle the sources the same way: test/helpers/serverBundle.ts, with bundleCommand). */
export const BUNDLE_OPTIONS = {
  bundle: true,
  platform: "node",
  format: "cjs",
  target: ["node20"],
  packages: "external",
  // Code that finds files from its own place (src/paths.ts, the validators' require) gets the
  // bundle's URL: both walk up to package.json or name dist/ paths from the root.
  define: { "import.meta.url": "__bundleUrl" },
  // The sources are ES modules, strict throughout: so is the bundle ("use strict" must come first).
  banner: { js: '"use strict";\nconst __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  legalComments: "none",
  logLevel: "warning",
};

/** What every start runs, beside main.js itself, in the command's first file (the rest loads on first use). */
export const EAGER = ["server.js"];

/**
 * The command: ecs-local.cjs (`outfile`), a small first file that compiles and runs command.cjs
 * beside it from a V8 code cache when one fits (src/launcher.ts; the cache is made after the build,
 * scripts/code-cache.mjs); command.cjs, what every start runs; and lazy/, the rest, loaded on first
 * use (scripts/split-bundle.mjs). Whitespace and syntax minified, names kept: less for V8 to scan at
 * start, and stack traces and `constructor.name` read as before. command.cjs ends with a line naming
 * the build (a hash of its text), which a cache must repeat to be used.
 */
export async function bundleCommand(build, entry, outfile, options = BUNDLE_OPTIONS) {
  const command = { ...options, minifyWhitespace: true, minifySyntax: true };
  const head = `#!/usr/bin/env node\n${options.banner.js}\n`;
  const sources = dirname(entry);
  const { BUNDLE_FILE, BUILD_MARK } = await import(pathToFileURL(join(sources, "codeCache.js")).href);
  const body = join(dirname(outfile), BUNDLE_FILE);
  const r = await splitCommand(build, { entry, eager: EAGER, outfile: body, options: command, head });
  const text = readFileSync(body, "utf8");
  writeFileSync(body, `${text}${BUILD_MARK}${createHash("sha256").update(text).digest("hex").slice(0, 16)}\n`);
  await build({ ...command, entryPoints: [join(sources, "launcher.js")], outfile, banner: { js: head } });
  for (const f of [outfile, body]) chmodSync(f, 0o755);
  return r;
}

/** @param {(options: object) => Promise<any>} build esbuild's build; @param {string} root the repository; @param {string} src the sources as JavaScript */
export async function bundleServer(build, root, src = join(root, "dist", "src")) {
  const out = join(root, "dist", "bundle");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const common = BUNDLE_OPTIONS;
  await bundleCommand(build, join(src, "main.js"), join(out, "ecs-local.cjs"));
  await build({ ...common, entryPoints: [join(src, "index.js")], outfile: join(out, "index.cjs") });
  // Strict mode holds only if the directive opens the file (after the command's #! line).
  for (const [file, head] of [["ecs-local.cjs", '#!/usr/bin/env node\n"use strict";\n'], ["command.cjs", '#!/usr/bin/env node\n"use strict";\n'], ["index.cjs", '"use strict";\n']]) {
    if (!readFileSync(join(out, file), "utf8").startsWith(head)) throw new Error(`server-bundle: ${file} does not begin with ${JSON.stringify(head)}`);
  }
  // The library's names, from its entry point, so that the ES module re-exports each one by name:
  // Node finds them in the CommonJS bundle (esbuild marks them for its export scan), and a name it
  // did not find fails the import instead of going missing.
  const names = await exportNames(build, join(src, "index.js"));
  if (names.length === 0) throw new Error(`server-bundle: ${join(src, "index.js")} exports nothing`);
  writeFileSync(join(out, "index.js"), `// ecs-local as a library (scripts/server-bundle.mjs): the bundle, as an ES module.\nexport { ${names.join(", ")} } from "./index.cjs";\n`);
  return { out, names };
}

async function exportNames(build, entry) {
  const r = await build({ entryPoints: [entry], bundle: true, platform: "node", format: "esm", packages: "external", write: false, metafile: true, outdir: "/", logLevel: "warning" });
  return Object.values(r.metafile.outputs).flatMap((o) => o.exports ?? []).sort();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { build } = await import("esbuild");
  // node scripts/server-bundle.mjs [dir of the sources as JavaScript]   (default dist/src; prepack: dist/js)
  const { out, names } = await bundleServer(build, join(fileURLToPath(new URL(".", import.meta.url)), ".."), process.argv[2] ? join(process.cwd(), process.argv[2]) : undefined);
  process.stdout.write(`server-bundle: ecs-local.cjs, index.cjs and index.js (${names.length} exports) in ${out}\n`);
}
