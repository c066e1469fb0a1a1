import type { ZodError } from "zod";

/** Field errors keyed by dotted input path ("variants.0.sku"), the same shape the server returns. */
export function fieldErrorsOf(error: ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}
