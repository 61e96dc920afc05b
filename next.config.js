import createNextIntlPlugin from "next-intl/plugin";

/** Mirrors STATIC_SECURITY_HEADERS in lib/security/headers.ts (a unit test keeps the two equal). */
export const staticSecurityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Security headers on every response; the per-request Content-Security-Policy comes from proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: staticSecurityHeaders }];
  },
  // Packages with native or WASM parts stay as Node requires instead of being bundled.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/client", "@prisma/adapter-pg", "@open-spaced-repetition/binding", "sql.js"],
  experimental: {
    // forbidden() for server-side 403s (admin pages).
    authInterrupts: true,
    // Bank imports (zip or CSV) are uploaded through server actions; lib/admin/bank-transfer.ts caps a zip at 20 MB and a CSV at 5 million characters.
    serverActions: { bodySizeLimit: "32mb" },
  },
};

// next-intl reads its per-request configuration (language, messages) from i18n/request.ts.
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

export default withNextIntl(nextConfig);
