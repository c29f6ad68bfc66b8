export declare const serverExternals: string[];
export declare function bundleServer(
  entry: string,
  outfile: string,
  options?: { sourcemap?: boolean },
): Promise<string>;
