/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Packages with native or WASM parts stay as Node requires instead of being bundled.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/client", "@prisma/adapter-pg"],
  experimental: {
    // forbidden() for server-side 403s (admin pages).
    authInterrupts: true,
    // Bank imports (zip or CSV) are uploaded through server actions; lib/admin/bank-transfer.ts caps them at 20 MB.
    serverActions: { bodySizeLimit: "21mb" },
  },
};

export default nextConfig;
