import "server-only";
import { getViewer } from "@agora/auth";
import { DomainError, getSellerForMember, type Seller } from "@agora/core";
import type { UploadedFile } from "@agora/core/media";
import { getDb, type Db } from "@agora/db";

const statusFor: Partial<Record<DomainError["code"], number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  SELLER_NOT_APPROVED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

export function jsonError(status: number, message: string, fieldErrors: Record<string, string> = {}) {
  return Response.json({ message, fieldErrors }, { status });
}

/** Domain errors (an unreadable image, someone else's listing) become the JSON the upload forms show. */
export function errorResponse(error: unknown): Response {
  if (error instanceof DomainError) return jsonError(statusFor[error.code] ?? 400, error.message, error.fieldErrors);
  console.error("upload failed:", error);
  return jsonError(500, "Something went wrong on our side. Please try again.");
}

/** Refuses form posts from other sites; the session cookie alone is not proof of intent. */
export function sameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (!origin) return true;
  try {
    return new URL(origin).host === (req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? new URL(req.url).host);
  } catch {
    return false;
  }
}

/** The signed-in member's store for an upload, or the response that refuses it. */
export async function uploaderStore(req: Request): Promise<{ db: Db; seller: Seller } | Response> {
  if (!sameOrigin(req)) return jsonError(403, "Uploads must come from the seller portal.");
  const viewer = await getViewer();
  if (!viewer) return jsonError(401, "Your session has ended. Sign in again to upload.");
  const db = getDb();
  const membership = await getSellerForMember(db, viewer.id);
  if (!membership) return jsonError(403, "Apply to sell first: you do not have a store yet.");
  if (membership.seller.status === "suspended") return jsonError(403, "Your store is suspended. Contact the marketplace team.");
  return { db, seller: membership.seller };
}

export async function readForm(req: Request): Promise<FormData | Response> {
  try {
    return await req.formData();
  } catch {
    return jsonError(400, "Send the upload as a multipart form.");
  }
}

/** The uploaded file from a form field, as bytes the image rules can inspect. */
export async function fileFrom(form: FormData, field = "file"): Promise<UploadedFile | Response> {
  const file = form.get(field);
  if (!(file instanceof File)) return jsonError(400, "Choose an image to upload.", { file: "Choose an image to upload." });
  return { bytes: Buffer.from(await file.arrayBuffer()), name: file.name || "image" };
}
