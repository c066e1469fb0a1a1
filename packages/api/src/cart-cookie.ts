import type { CartTokenAccessor } from "./trpc";

/** The guest cart cookie: httpOnly (scripts never see the token), SameSite=Lax, Secure in production. */
export const CART_COOKIE = "agora_cart";
const MAX_AGE_SECONDS = 60 * 60 * 24 * 60;

export function cartCookieOptions() {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: process.env.NODE_ENV === "production",
    path: "/",
    maxAge: MAX_AGE_SECONDS,
  };
}

/** A Set-Cookie header value; an empty value with Max-Age=0 clears the cookie. */
export function cartSetCookieHeader(token: string | null): string {
  const options = cartCookieOptions();
  return [
    `${CART_COOKIE}=${token ?? ""}`,
    `Path=${options.path}`,
    `Max-Age=${token ? options.maxAge : 0}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(options.secure ? ["Secure"] : []),
  ].join("; ");
}

/** The cart cookie's value in a Cookie request header, or null. */
export function cartTokenFromCookieHeader(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === CART_COOKIE) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

/** For apps with no guest carts (the seller portal): never a token, and nothing is ever set. */
export const noCartCookie: CartTokenAccessor = { get: () => null, set: () => {}, clear: () => {} };
