"use server";

import { getViewer, signOutViewer } from "@agora/auth";
import { renderMarkdown } from "@agora/core";
import { redirect } from "next/navigation";

export async function signOutAction(): Promise<void> {
  await signOutViewer();
  redirect("/sign-in");
}

/** Shows markdown exactly as shoppers will see it: rendered and sanitised by the same code as on save. */
export async function previewMarkdown(source: string): Promise<string> {
  if (!(await getViewer())) return "";
  if (typeof source !== "string") return "";
  return renderMarkdown(source.slice(0, 20_000));
}
