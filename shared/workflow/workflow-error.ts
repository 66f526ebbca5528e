import { describePackageError, type PackageError } from '../packages/errors.js';
import { err, type Err } from '../util/result.js';

/**
 * Why a workflow step did nothing: a code the caller can act on, and the reason in both
 * languages (the UI shows the one in use, `zqa` prints the English). A package the step
 * refused keeps its own package error (`package`), whose code says which check failed.
 */
export type WorkflowErrorCode =
  /** A package was refused by the importer or could not be written; `package` says why. */
  | 'package'
  /** What the step needs is not there or not valid yet (no material review, no scoresheet…). */
  | 'not-ready'
  /** This device or person may not take this step (not the leader, not on the roster…). */
  | 'not-allowed'
  /** The inputs disagree with each other (a stale report, a report for another panel…). */
  | 'mismatch'
  /** A signature the step checks does not hold. */
  | 'signature'
  /** This device trusts no secretariat yet, so it can believe no package. */
  | 'no-anchor';

export interface WorkflowError {
  code: WorkflowErrorCode;
  zh: string;
  en: string;
  package?: PackageError;
}

export function workflowError(code: Exclude<WorkflowErrorCode, 'package'>, zh: string, en: string): WorkflowError {
  return { code, zh, en };
}

export function refuse(code: Exclude<WorkflowErrorCode, 'package'>, zh: string, en: string): Err<WorkflowError> {
  return err(workflowError(code, zh, en));
}

/** A refused package as a step's error, the package error kept whole. */
export function fromPackageError(error: PackageError): WorkflowError {
  return { code: 'package', zh: describePackageError(error, 'zh-CN'), en: describePackageError(error, 'en'), package: error };
}

export function pickLanguage(error: Pick<WorkflowError, 'zh' | 'en'>, language: 'zh-CN' | 'en'): string {
  return language === 'en' ? error.en : error.zh;
}
