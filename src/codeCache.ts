// The command's code cache (src/launcher.ts reads it, scripts/code-cache.mjs makes it): what names
// the files, and how a cache is matched to the bundle it was made of.

/** The server's bundle, beside this file; the cache beside it. */
export const BUNDLE_FILE = "command.cjs";
export const CODE_CACHE_FILE = "command.code-cache";
/** scripts/code-cache.mjs sets it to the path the start writes its cache to, as the process exits. */
export const WRITE_CODE_CACHE = "ECS_LOCAL_WRITE_CODE_CACHE";
/** The bundle's last line, naming the build; the cache's first line repeats it with the V8 version. */
export const BUILD_MARK = "//# ecs-local build ";

/** The build a bundle's text names on its last line, or undefined. */
export function buildOf(source: string): string | undefined {
  const at = source.lastIndexOf(BUILD_MARK);
  return at < 0 ? undefined : source.slice(at + BUILD_MARK.length).trim();
}

/** The first line of the cache of build `build` made by this V8. */
export function cacheHead(build: string): string {
  return `${build} ${process.versions.v8}\n`;
}

/** The cache's data when it was made of build `build` (the bundle's `buildOf`) by this V8 (its first line says so), else undefined. */
export function cachedDataFor(build: string | undefined, cache: Buffer | undefined): Buffer | undefined {
  if (!cache || !build) return undefined;
  const head = Buffer.from(cacheHead(build));
  return cache.subarray(0, head.length).equals(head) ? cache.subarray(head.length) : undefined;
}
