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
  OUT_OF_STOCK: "Some items are no longer available in that quantity.",
  PAYMENT_DECLINED: "Your payment was declined.",
  INVALID_STATE: "That cannot be done at this stage.",
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

/** The PostgreSQL error with this SQLSTATE inside drizzle's wrapping error, if any; returns its constraint name. */
function pgViolation(error: unknown, sqlState: string): string | undefined {
  let e: unknown = error;
  for (let i = 0; i < 4 && e; i++) {
    if (typeof e === "object" && e !== null && "code" in e && (e as { code: unknown }).code === sqlState) {
      return (e as { constraint_name?: string; constraint?: string }).constraint_name ?? (e as { constraint?: string }).constraint ?? "";
    }
    e = typeof e === "object" && e !== null && "cause" in e ? (e as { cause: unknown }).cause : undefined;
  }
  return undefined;
}

/** Unique violations (23505): map the ones people can cause to field errors. */
export const uniqueViolation = (error: unknown) => pgViolation(error, "23505");

/** Check violations (23514), e.g. stock below what is reserved. */
export const checkViolation = (error: unknown) => pgViolation(error, "23514");
