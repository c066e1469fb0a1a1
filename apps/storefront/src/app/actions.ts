"use server";

import { signInWithPassword, signOutViewer, signUpWithPassword, type FormResult } from "@agora/auth";

/** Server actions behind the account forms; the shared auth helpers validate and return field errors. */
export async function signInAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  return signInWithPassword(formData);
}

export async function signUpAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  return signUpWithPassword(formData);
}

export async function signOutAction(): Promise<void> {
  await signOutViewer();
}
