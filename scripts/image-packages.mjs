// What `npm ci --omit=dev` installs, read from the lockfile: shared by the script that vendors the
// packages into a build context and the one that takes them in the image's build stage.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The lockfile's paths (node_modules/…) of the packages a production install holds. */
export function productionPackages(lock) {
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path !== "" && !entry.dev && !entry.link)
    .map(([path]) => path);
}

/** Why the packages under `dir` (a folder holding node_modules/) are not the lockfile's production set, or undefined when they are. */
export function differsFromLock(dir, lock) {
  for (const path of productionPackages(lock)) {
    const manifest = join(dir, path, "package.json");
    if (!existsSync(manifest)) {
      if (lock.packages[path].optional) continue;
      return `${path} is missing`;
    }
    const { version } = JSON.parse(readFileSync(manifest, "utf8"));
    if (version !== lock.packages[path].version) return `${path} is ${version}, the lockfile pins ${lock.packages[path].version}`;
  }
  return undefined;
}
