export function bundleConsole(build: (options: object) => Promise<unknown>, root: string, outDir?: string): Promise<void>;
