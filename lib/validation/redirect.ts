/**
 * Only same-site paths may be used as a post-login destination; anything else (absolute URLs, protocol-relative
 * `//host`, backslash tricks) falls back to the learner's home, so the login page cannot be an open redirect.
 */
export function safeCallbackPath(value: unknown, fallback = "/home"): string {
  if (typeof value !== "string" || value.length > 2000) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return fallback;
  if (/[\u0000-\u001f]/.test(value)) return fallback;
  return value;
}

/**
 * `page` with `callbackPath` as its `callbackUrl` parameter, so moving between the login and registration pages
 * keeps the destination; the default destination is left out to keep the link plain.
 */
export function withCallback(page: "/login" | "/register", callbackPath: string, fallback = "/home"): string {
  const destination = safeCallbackPath(callbackPath, fallback);
  return destination === fallback ? page : `${page}?callbackUrl=${encodeURIComponent(destination)}`;
}
