/**
 * Runs before every page request: a fresh CSP nonce per request (lib/security/headers.ts explains the policy),
 * put on the request so Next.js and the root layout can read it, and on the response for the browser; HSTS when
 * the request came in over https. Route handlers under /api and static files get the static headers from
 * next.config.js only (they render no HTML).
 */
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, HSTS_HEADER, isHttpsRequest } from "@/lib/security/headers";

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const https = isHttpsRequest(request.nextUrl, request.headers.get("x-forwarded-proto"));
  const policy = contentSecurityPolicy(nonce, { https, development: process.env.NODE_ENV === "development" });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (https) response.headers.set(HSTS_HEADER.key, HSTS_HEADER.value);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|content-assets/).*)",
      // Prefetches render no HTML of their own: no nonce needed.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
