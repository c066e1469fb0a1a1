import { DomainError, domainErrorCodes, getSellerForMember, type DomainErrorCode, type Viewer } from "@agora/core";
import type { MediaStore } from "@agora/core/media";
import type { PaymentProvider } from "@agora/core/payments";
import type { Db } from "@agora/db";
import { initTRPC, TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import superjson from "superjson";
import { ZodError } from "zod";

export type SessionViewer = Viewer & { sellerId: string | null; sessionId: string };

export interface CreateContextOptions {
  db: Db;
  viewer: SessionViewer | null;
  media: MediaStore;
  /** Expires storefront cache entries after a catalog write commits. */
  revalidate: (tags: string[]) => Promise<void>;
  /** The payment provider chosen by configuration (the built-in test provider by default). */
  payments: PaymentProvider;
  /** The guest cart's token, kept in an httpOnly cookie; apps without guest carts pass noCartCookie. */
  cartToken: CartTokenAccessor;
}

/** Reads and writes the guest cart cookie for this request. */
export interface CartTokenAccessor {
  get(): string | null;
  set(token: string): void;
  clear(): void;
}

export const createTRPCContext = (opts: CreateContextOptions) => opts;
export type Context = Awaited<ReturnType<typeof createTRPCContext>>;

const codeFor: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  UNAUTHENTICATED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  INVALID_INPUT: "BAD_REQUEST",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  SELLER_NOT_APPROVED: "FORBIDDEN",
  ACCOUNT_SUSPENDED: "FORBIDDEN",
  OUT_OF_STOCK: "CONFLICT",
  PAYMENT_DECLINED: "PAYMENT_REQUIRED",
  INVALID_STATE: "PRECONDITION_FAILED",
};

function zodFieldErrors(error: ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  /** The one place where errors become what API clients and people see. */
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    if (cause instanceof DomainError) {
      return {
        ...shape,
        message: cause.message,
        data: { ...shape.data, domainCode: cause.code, fieldErrors: cause.fieldErrors, retryAfterSeconds: cause.retryAfterSeconds ?? null, stack: undefined },
      };
    }
    if (cause instanceof ZodError) {
      const fieldErrors = zodFieldErrors(cause);
      return {
        ...shape,
        message: domainErrorCodes.INVALID_INPUT + " " + Object.values(fieldErrors).slice(0, 1).join(""),
        data: { ...shape.data, domainCode: "INVALID_INPUT", fieldErrors, retryAfterSeconds: null, stack: undefined },
      };
    }
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    return {
      ...shape,
      message: internal ? "Something went wrong on our side. Please try again." : shape.message,
      data: { ...shape.data, domainCode: null, fieldErrors: {}, retryAfterSeconds: null, stack: undefined },
    };
  },
});

/** Domain errors thrown by use-cases get their transport code here, once. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: codeFor[cause.code], message: cause.message, cause });
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(domainErrors);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.viewer) throw new TRPCError({ code: "UNAUTHORIZED", message: domainErrorCodes.UNAUTHENTICATED });
  return next({ ctx: { ...ctx, viewer: ctx.viewer } });
});

/** A member of a store in any state: can prepare the store and drafts while the application is reviewed. */
export const storeProcedure = protectedProcedure.use(async ({ ctx, next }) => {
  const membership = await getSellerForMember(ctx.db, ctx.viewer.id);
  if (!membership) throw new TRPCError({ code: "FORBIDDEN", message: "Apply to sell first: you do not have a store yet." });
  if (membership.seller.status === "suspended")
    throw new TRPCError({ code: "FORBIDDEN", message: "Your store is suspended. Contact the marketplace team." });
  return next({ ctx: { ...ctx, seller: membership.seller, memberRole: membership.role } });
});

/** A member of an approved store. */
export const sellerProcedure = storeProcedure.use(({ ctx, next }) => {
  if (ctx.seller.status !== "approved")
    throw new TRPCError({ code: "FORBIDDEN", message: domainErrorCodes.SELLER_NOT_APPROVED });
  return next({ ctx });
});

export const operatorProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (!ctx.viewer.roles.includes("operator"))
    throw new TRPCError({ code: "FORBIDDEN", message: "Only marketplace operators can do that." });
  return next({ ctx });
});
