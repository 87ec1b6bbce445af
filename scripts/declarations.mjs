// The package's typings: tsc writes only the declarations (no check: the test suite type-checks,
// test/typecheck.test.ts) into a dist/src emptied first, so that no typing of a source since removed
// is packed. The JavaScript the bundle is made from is in dist/js (scripts/transpile.mjs), so that
// dist/src holds only what ships: npm pack matches every file under it against package.json's
// `files`, and 1,120 .js files beside the typings cost it some 2.5 s of CPU.
//   node scripts/declarations.mjs      (prepack)
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(fileURLToPath(new URL(".", import.meta.url)), "..");
rmSync(join(root, "dist", "src"), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json"), "--emitDeclarationOnly", "--noCheck"], { stdio: "inherit", cwd: root });
