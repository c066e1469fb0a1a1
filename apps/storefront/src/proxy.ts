import { notificationSettings } from "@agora/core/notification-settings";
import { NextResponse, type NextRequest } from "next/server";
import { parsePage, parseSort } from "~/lib/browse-params";

const browsePath = /^\/(c|s)\/([^/]+)\/?$/;

/**
 * Browse pages keep sort and page in the query string for people, but are rendered from path segments
 * so that each (slug, sort, page) is one static, tag-invalidated page rather than a per-request render.
 */
export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;

  const browse = browsePath.exec(pathname);
  if (browse) {
    const [, kind, slug] = browse;
    const url = request.nextUrl.clone();
    url.pathname = `/${kind}/${slug}/${parseSort(searchParams.get("sort"))}/${parsePage(searchParams.get("page"))}`;
    url.searchParams.delete("sort");
    url.searchParams.delete("page");
    return NextResponse.rewrite(url);
  }

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

  return NextResponse.next();
}

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.getAll().some((c) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(c.name));
}

export const config = {
  matcher: ["/c/:slug", "/s/:slug", "/account", "/dev/inbox"],
};
