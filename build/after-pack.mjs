// electron-builder afterPack hook: flips Electron's fuses in the packed binary, before any
// signing, so the shipped app cannot be turned into a general Node runtime or be made to
// load code from outside its (integrity-checked) app.asar.
import path from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/** Every fuse set explicitly: `strictlyRequireAllFuses` fails the build when Electron adds one we have not decided on. */
export const FUSES = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  [FuseV1Options.RunAsNode]: false, // ELECTRON_RUN_AS_NODE would make the app a plain Node
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false, // no NODE_OPTIONS code injection
  [FuseV1Options.EnableNodeCliInspectArguments]: false, // no --inspect debugger into main
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true, // no app/ folder next to app.asar can take over
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false, // the app is served from app://, not file://
  [FuseV1Options.WasmTrapHandlers]: true,
};

/**
 * Where the binary that carries the fuse wire is, per platform. `productFilename` is the
 * config's `executableName` when set (zqa-review), else the sanitised productName.
 */
export function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const productFilename = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${productFilename}.exe`);
    default:
      return path.join(appOutDir, packager.executableName);
  }
}

export default async function afterPack(context) {
  const binary = electronBinaryPath(context);
  await flipFuses(binary, { ...FUSES, resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === 3 /* arm64 */ });
  console.log(`  • fuses flipped  file=${binary}`);
}
