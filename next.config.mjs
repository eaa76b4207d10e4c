/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Generated Prisma clients and native drivers stay outside the bundle.
  serverExternalPackages: ["@prisma/client", "@libsql/client", "pg"],
  // `npm test` type-checks the whole project (tests included) with tsc first;
  // checking again inside every build would only repeat it.
  typescript: { ignoreBuildErrors: true },
  // On every response, API included; the page CSP (with its per-request nonce) comes from proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "microphone=(self), camera=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
