/**
 * The kinds of package (docs/package-format.md §3), apart from the manifest's schema so the
 * app's first screen can name them without loading zod (docs/ARCHITECTURE.md, "The first screen").
 */
export const PACKAGE_TYPES = ['identity-card', 'assignment', 'scoresheet', 'report-for-signing', 'countersignature', 'panel-return'] as const;
export type PackageType = (typeof PACKAGE_TYPES)[number];
