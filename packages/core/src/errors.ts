/**
 * Domain errors: thrown by use-cases, mapped to transport codes and shown to people in one place
 * (the API's error formatter). The message is written for the person who caused it.
 */
export const domainErrorCodes = {
  UNAUTHENTICATED: "Please sign in to continue.",
  FORBIDDEN: "You do not have permission to do that.",
  NOT_FOUND: "We could not find that.",
  CONFLICT: "That conflicts with existing data.",
  INVALID_INPUT: "Some of the details are not valid.",
  RATE_LIMITED: "Too many attempts. Please wait and try again.",
  SELLER_NOT_APPROVED: "Your store must be approved before you can do that.",
  ACCOUNT_SUSPENDED: "This account is suspended.",
} as const;

export type DomainErrorCode = keyof typeof domainErrorCodes;

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  /** Field-level messages keyed by the input path, e.g. { "variants.0.sku": "…" }. */
  readonly fieldErrors: Record<string, string>;
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: DomainErrorCode,
    message?: string,
    options: { fieldErrors?: Record<string, string>; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(message ?? domainErrorCodes[code], { cause: options.cause });
    this.name = "DomainError";
    this.code = code;
    this.fieldErrors = options.fieldErrors ?? {};
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export const notFound = (what = "That") => new DomainError("NOT_FOUND", `${what} was not found.`);

/** PostgreSQL unique violations carry the constraint name: map the ones people can cause to field errors. */
export function uniqueViolation(error: unknown): string | undefined {
  let e: unknown = error;
  for (let i = 0; i < 4 && e; i++) {
    if (typeof e === "object" && e !== null && "code" in e && (e as { code: unknown }).code === "23505") {
      return (e as { constraint_name?: string; constraint?: string }).constraint_name ?? (e as { constraint?: string }).constraint ?? "";
    }
    e = typeof e === "object" && e !== null && "cause" in e ? (e as { cause: unknown }).cause : undefined;
  }
  return undefined;
}

/** PostgreSQL check violations (23514), found through drizzle's wrapping error; returns the constraint name. */
export function checkViolation(error: unknown): string | undefined {
  let e: unknown = error;
  for (let i = 0; i < 4 && e; i++) {
    if (typeof e === "object" && e !== null && "code" in e && (e as { code: unknown }).code === "23514") {
      return (e as { constraint_name?: string; constraint?: string }).constraint_name ?? (e as { constraint?: string }).constraint ?? "";
    }
    e = typeof e === "object" && e !== null && "cause" in e ? (e as { cause: unknown }).cause : undefined;
  }
  return undefined;
}
