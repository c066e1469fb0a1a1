import "server-only";
import { getViewer } from "@agora/auth";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { api } from "~/trpc/server";
import { PATH_HEADER } from "../proxy";

/** Only same-site paths are followed after sign-in; anything else goes to the dashboard. */
export function safeNext(next: string | string[] | undefined | null): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}

export function signInHref(next: string) {
  return next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`;
}

/** The signed-in person, or a redirect to sign-in that returns to the page asked for. */
export async function requireViewer() {
  const viewer = await getViewer();
  if (!viewer) {
    const path = (await headers()).get(PATH_HEADER) ?? "/";
    redirect(signInHref(safeNext(path)));
  }
  return viewer;
}

/** The viewer's store in whatever state it is, or null. */
export const getMyStore = cache(async () => (await api()).seller.myStore());

/** Pages that manage a store send people without one to the dashboard, which invites them to apply. */
export async function requireStore() {
  const viewer = await requireViewer();
  const store = await getMyStore();
  if (!store) redirect("/");
  if (store.status === "suspended") redirect("/");
  return { viewer, store };
}

export async function requireOperator() {
  const viewer = await requireViewer();
  if (!viewer.roles.includes("operator")) forbidden();
  return viewer;
}
