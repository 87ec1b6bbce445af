// Types of server-bundle.mjs for the TypeScript that imports it (the tests' bundle of the sources).
export declare const BUNDLE_OPTIONS: Record<string, unknown> & { define: Record<string, string>; banner: { js: string } };
export declare function bundleServer(build: (options: object) => Promise<unknown>, root: string, src?: string): Promise<{ out: string; names: string[] }>;
export declare const EAGER: string[];
export declare function bundleCommand(build: (options: object) => Promise<unknown>, entry: string, outfile: string, options?: typeof BUNDLE_OPTIONS): Promise<{ first: number; lazy: number }>;
