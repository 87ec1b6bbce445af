// Types of image-packages.mjs for the TypeScript that imports it (test/imageVendor.test.ts).
interface Lock {
  packages: Record<string, { version?: string; dev?: boolean; optional?: boolean; link?: boolean }>;
}
export function productionPackages(lock: Lock): string[];
export function differsFromLock(dir: string, lock: Lock): string | undefined;
