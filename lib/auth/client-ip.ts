/**
 * The client address used for per-IP login limits.
 *
 * Next.js sets X-Forwarded-For to the socket address when the request has none, and a reverse proxy appends the
 * address it saw, so the last entry is the best address we have in both set-ups. A client talking to Next
 * directly can send its own header and so choose its bucket; the per-account limit still holds for it.
 */
export function clientIp(headers: Record<string, string | string[] | undefined> | Headers): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  const last = value?.split(",").map((part) => part.trim()).filter(Boolean).at(-1);
  return last ? last.slice(0, 64) : "unknown";
}
