import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "../root";

/** Field errors and a message from any failed call, ready for a form. */
export function formErrorsOf(error: unknown): { message: string; fieldErrors: Record<string, string> } {
  if (error instanceof TRPCClientError) {
    const e = error as TRPCClientError<AppRouter>;
    return { message: e.message, fieldErrors: (e.data?.fieldErrors as Record<string, string> | undefined) ?? {} };
  }
  return { message: "Something went wrong. Please try again.", fieldErrors: {} };
}
