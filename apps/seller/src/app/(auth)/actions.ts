"use server";

import { signInWithPassword, signUpWithPassword, type FormResult } from "@agora/auth";

export async function signInAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  return signInWithPassword(formData);
}

export async function signUpAction(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  return signUpWithPassword(formData);
}
