"use server";

import { CART_COOKIE } from "@agora/api/http";
import { signInWithPassword, signOutViewer, signUpWithPassword, type FormResult } from "@agora/auth";
import { isGuestCartToken, mergeGuestCart, userIdForEmail } from "@agora/core";
import { getDb } from "@agora/db";
import { emailSchema } from "@agora/validators";
import { cookies } from "next/headers";

/** Server actions behind the account forms; the shared auth helpers validate and return field errors. */
export async function signInAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const result = await signInWithPassword(formData);
  if (result.ok) await mergeGuestCartInto(formData);
  return result;
}

export async function signUpAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const result = await signUpWithPassword(formData);
  if (result.ok) await mergeGuestCartInto(formData);
  return result;
}

export async function signOutAction(): Promise<void> {
  await signOutViewer();
}

/**
 * What a guest put in the cart before signing in joins their account's cart, and the guest cookie is
 * cleared. The new session is not readable until the next request, so the account is the one whose
 * e-mail and password were just accepted.
 */
async function mergeGuestCartInto(formData: FormData): Promise<void> {
  const jar = await cookies();
  const token = jar.get(CART_COOKIE)?.value;
  if (token === undefined) return;
  try {
    const email = emailSchema.safeParse(formData.get("email"));
    const userId = email.success ? await userIdForEmail(getDb(), email.data) : null;
    if (!userId) return;
    if (isGuestCartToken(token)) await mergeGuestCart(getDb(), token, userId);
    jar.delete(CART_COOKIE);
  } catch (error) {
    // Signing in succeeded: the guest cart stays in its cookie and merges on the next sign-in.
    console.error("merging the guest cart failed:", error);
  }
}
