import { notificationSettings } from "@agora/core/notification-settings";
import { NextResponse, type NextRequest } from "next/server";

/**
 * Only for the few personal pages below. Catalog pages never pass through here: a proxy runs on every
 * request it matches, so their sort/page mapping is a next.config rewrite (see lib/browse-rewrites.ts).
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;

  // The development inbox exists only while no real e-mail or SMS delivery is configured: a true 404 otherwise.
  if (pathname === "/dev/inbox" && !notificationSettings().devInbox) {
    const url = request.nextUrl.clone();
    url.pathname = "/dev/inbox/unavailable";
    return NextResponse.rewrite(url);
  }

  // A quick bounce for visitors with no session at all; the page itself checks the session properly.
  if ((pathname === "/account" || pathname === "/dev/inbox") && !hasSessionCookie(request)) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = "";
    url.searchParams.set("next", pathname);
    return NextResponse.redirect(url);
  }

  // Orders are personal too; the page asked for (with its query, e.g. ?page=2) is kept for after sign-in.
  if (
    (pathname === "/orders" || pathname.startsWith("/orders/") || pathname.startsWith("/checkout/complete/")) &&
    !hasSessionCookie(request)
  ) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = "";
    url.searchParams.set("next", pathname + request.nextUrl.search);
    return NextResponse.redirect(url);
  }

  return NextResponse.next();
}

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.getAll().some((c) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(c.name));
}

export const config = {
  matcher: ["/account", "/dev/inbox", "/orders", "/orders/:id", "/checkout/complete/:groupId"],
};
