/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Packages with native or WASM parts stay as Node requires instead of being bundled.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/client", "@prisma/adapter-pg", "@open-spaced-repetition/binding", "sql.js"],
  experimental: {
    // forbidden() for server-side 403s (admin pages).
    authInterrupts: true,
    // Bank imports (zip or CSV) are uploaded through server actions; lib/admin/bank-transfer.ts caps a zip at 20 MB and a CSV at 5 million characters.
    serverActions: { bodySizeLimit: "32mb" },
  },
};

export default nextConfig;
