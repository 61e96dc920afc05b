/**
 * Why an Anki package was refused as a whole. The reader and the converter are framework-free, so they throw this
 * instead of an AppError; the import service turns it into a VALIDATION AppError. `message` is written for the
 * learner who uploaded the file and can be shown as it is.
 */
export type ApkgProblem =
  | "too-large"
  | "not-a-zip"
  | "too-many-entries"
  | "no-collection"
  | "newer-format"
  | "unsupported-compression"
  | "collection-too-large"
  | "corrupt"
  | "too-many-notes"
  | "too-many-cards";

export class ApkgError extends Error {
  readonly problem: ApkgProblem;

  constructor(problem: ApkgProblem, message: string) {
    super(message);
    this.name = "ApkgError";
    this.problem = problem;
  }
}
