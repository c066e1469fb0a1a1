import "server-only";
import { createCaller, type CartTokenAccessor } from "@agora/api";
import { CART_COOKIE, cartCookieOptions, mediaStore, paymentProvider } from "@agora/api/http";
import { getViewer } from "@agora/auth";
import { getDb } from "@agora/db";
import { cookies } from "next/headers";
import { cache } from "react";
import { revalidate } from "./revalidate";

/** The guest cart cookie through next/headers; setting it only works in server actions and route handlers. */
async function cartCookie(): Promise<CartTokenAccessor> {
  const jar = await cookies();
  return {
    get: () => jar.get(CART_COOKIE)?.value ?? null,
    set: (token) => void jar.set(CART_COOKIE, token, cartCookieOptions()),
    clear: () => void jar.delete(CART_COOKIE),
  };
}

/** tRPC called directly from server components and actions, with the same context as HTTP calls. */
export const api = cache(async () =>
  createCaller({
    db: getDb(),
    viewer: await getViewer(),
    media: mediaStore(),
    revalidate,
    payments: paymentProvider(),
    cartToken: await cartCookie(),
  }),
);
