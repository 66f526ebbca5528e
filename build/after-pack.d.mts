// Types for build/after-pack.mjs, so its unit test is type-checked.
import type { FuseV1Config } from '@electron/fuses';

export declare const FUSES: FuseV1Config & { strictlyRequireAllFuses: true };
export interface AfterPackContextLike {
  appOutDir: string;
  electronPlatformName: string;
  arch: number;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}
export declare function electronBinaryPath(context: AfterPackContextLike): string;
export default function afterPack(context: AfterPackContextLike): Promise<void>;
