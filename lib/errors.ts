/**
 * One error type for rules the server enforces. Route handlers and server actions map `code` to an HTTP status
 * and show `message` to the user; anything that is not an AppError is logged and shown as a generic failure,
 * so no stack trace or internal detail reaches a browser.
 */
export type AppErrorCode =
  | "VALIDATION"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "REGISTRATION_CLOSED";

const STATUS: Record<AppErrorCode, number> = {
  VALIDATION: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  REGISTRATION_CLOSED: 403,
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Field-level messages for forms, keyed by field name. */
  readonly fieldErrors?: Record<string, string[]>;

  constructor(code: AppErrorCode, message: string, fieldErrors?: Record<string, string[]>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export const GENERIC_ERROR_MESSAGE = "Something went wrong on our side. Please try again.";
