import { PACKAGE_TYPES, type PackageType } from '../../../shared/packages/package-types.js';

/** Every type: what a file opened from outside the app may be (the registry says what this device does with each). */
export const ANY_PACKAGE: readonly PackageType[] = PACKAGE_TYPES;
