/** Types for serve.mjs, so the e2e tests and bench import it checked. */
export declare const DEFAULT_PORT: number;
export declare const DEFAULT_ROOT: string;
export declare const CONTENT_SECURITY_POLICY: string;
export declare function resolveInsideRoot(root: string, urlPath: string): string | null;
export declare function cacheControlFor(urlPath: string): string;
export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}
export declare function startServer(options?: { port?: number; root?: string; host?: string; ready?: Promise<unknown> }): Promise<RunningServer>;
