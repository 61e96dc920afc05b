/**
 * The HTTP security headers, built in one place: the Content-Security-Policy that proxy.ts sends with every page
 * (with a fresh nonce per request) and the static headers next.config.js sends with every response.
 *
 * Why the policy looks the way it does:
 * - Scripts: only those carrying this request's nonce, plus what they load ('strict-dynamic'). Next.js adds the
 *   nonce to its own bootstrap scripts when it finds the policy on the request; the root layout adds it to the
 *   theme script. No 'unsafe-inline' for scripts, so injected markup cannot run code.
 * - Styles: 'unsafe-inline' is needed for style *attributes*, which a nonce cannot cover: KaTeX positions every
 *   glyph with inline styles, recharts sizes its SVG that way, and React `style` props render as attributes.
 *   Style injection is far less dangerous than script injection, and Markdown is sanitised before rendering.
 * - Everything else from this origin only (KaTeX fonts are bundled, question images come from /content-assets),
 *   plus data:/blob: images (inline SVG data and charts). No plugins, no framing (clickjacking), forms post here.
 * - HSTS and upgrade-insecure-requests only when the app is served over https: on a plain-http LAN instance
 *   they would break every request.
 */

export interface SecurityHeaderOptions {
  /** The request came in over https (directly or through a proxy that says so in X-Forwarded-Proto). */
  https: boolean;
  /** `next dev`: React's development build needs eval. */
  development: boolean;
}

/** The Content-Security-Policy for a page rendered with `nonce`. */
export function contentSecurityPolicy(nonce: string, options: SecurityHeaderOptions): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(nonce)) throw new Error("A CSP nonce must be at least 16 base64 characters.");
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Headers for every response (pages, route handlers, static files). */
export const STATIC_SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // frame-ancestors in the CSP covers modern browsers; this covers responses without a CSP (route handlers).
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** Strict-Transport-Security for https responses: a year, subdomains included. */
export const HSTS_HEADER = { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" } as const;

/** Whether a request arrived over https, from its URL or a reverse proxy's X-Forwarded-Proto (first hop). */
export function isHttpsRequest(url: URL, forwardedProto: string | null): boolean {
  const proto = forwardedProto?.split(",")[0]?.trim().toLowerCase();
  return proto ? proto === "https" : url.protocol === "https:";
}
