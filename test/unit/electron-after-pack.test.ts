import path from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { electronBinaryPath, FUSES } from '../../build/after-pack.mjs';

describe('afterPack fuses', () => {
  it('decides every fuse @electron/fuses knows, strictly', () => {
    expect(FUSES.strictlyRequireAllFuses).toBe(true);
    const known = Object.values(FuseV1Options).filter((v): v is number => typeof v === 'number');
    for (const fuse of known) expect(typeof (FUSES as unknown as Record<number, unknown>)[fuse], FuseV1Options[fuse]).toBe('boolean');
  });

  it('turns off Node-as-a-runtime and loading code from outside app.asar', () => {
    const fuses = FUSES as unknown as Record<number, boolean>;
    expect(fuses[FuseV1Options.RunAsNode]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(true);
  });

  it('finds the binary carrying the fuse wire on each platform', () => {
    // electron-builder sets productFilename to the config's executableName (see appInfo.js).
    const context = (electronPlatformName: string) => ({ appOutDir: '/out', electronPlatformName, arch: 1, packager: { appInfo: { productFilename: 'zqa-review' }, executableName: 'zqa-review' } });
    expect(electronBinaryPath(context('linux'))).toBe(path.join('/out', 'zqa-review'));
    expect(electronBinaryPath(context('win32'))).toBe(path.join('/out', 'zqa-review.exe'));
    expect(electronBinaryPath(context('darwin'))).toBe(path.join('/out', 'zqa-review.app'));
  });
});
