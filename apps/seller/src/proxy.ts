import { NextResponse, type NextRequest } from "next/server";

/** Header that tells server components which page was asked for, so sign-in can send people back. */
export const PATH_HEADER = "x-agora-path";

export function proxy(request: NextRequest) {
  const url = request.nextUrl;
  const params = new URLSearchParams(url.searchParams);
  params.delete("_rsc");
  const query = params.toString();
  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, url.pathname + (query ? `?${query}` : ""));
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Uploads and media bypass the proxy: it would buffer (and cap) request bodies for nothing.
  matcher: ["/((?!api/|media/|_next/|favicon.ico).*)"],
};
