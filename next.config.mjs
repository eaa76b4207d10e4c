/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Generated Prisma clients and native drivers stay outside the bundle.
  serverExternalPackages: ["@prisma/client", "@libsql/client", "pg"],
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
