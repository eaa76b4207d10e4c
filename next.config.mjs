import securityHeaders from "./lib/http/security-headers.json" with { type: "json" };

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Generated Prisma clients and native drivers stay outside the bundle.
  serverExternalPackages: ["@prisma/client", "@libsql/client", "pg"],
  // `npm test` type-checks the whole project (tests included) with tsc first;
  // checking again inside every build would only repeat it.
  typescript: { ignoreBuildErrors: true },
  // On every response, API included (the join, served beside Next, adds the same list: lib/adapters/fast-lane.ts);
  // the page CSP (with its per-request nonce) comes from proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: securityHeaders,
      },
    ];
  },
};

export default nextConfig;
