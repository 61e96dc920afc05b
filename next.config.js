/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Packages with native or WASM parts stay as Node requires instead of being bundled.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/client", "@prisma/adapter-pg"],
  experimental: {
    // forbidden() for server-side 403s (admin pages).
    authInterrupts: true,
  },
};

export default nextConfig;
