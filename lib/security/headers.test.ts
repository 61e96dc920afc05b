import { describe, expect, it } from "vitest";
// @ts-expect-error -- next.config.js is plain JavaScript (Next.js loads it before any TypeScript): no types.
import { staticSecurityHeaders } from "../../next.config.js";
import { contentSecurityPolicy, isHttpsRequest, STATIC_SECURITY_HEADERS } from "./headers";

const NONCE = "AbCdEfGhIjKlMnOpQrStUvWx";

function directives(policy: string): Map<string, string> {
  return new Map(policy.split("; ").map((directive) => {
    const [name, ...values] = directive.split(" ");
    return [name!, values.join(" ")];
  }));
}

describe("contentSecurityPolicy", () => {
  it("allows scripts only with this request's nonce, never inline or eval in production", () => {
    const policy = directives(contentSecurityPolicy(NONCE, { https: false, development: false }));
    expect(policy.get("script-src")).toBe(`'self' 'nonce-${NONCE}' 'strict-dynamic'`);
    expect(policy.get("script-src")).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(policy.get("object-src")).toBe("'none'");
    expect(policy.get("frame-ancestors")).toBe("'none'");
    expect(policy.get("base-uri")).toBe("'self'");
    expect(policy.get("form-action")).toBe("'self'");
    // KaTeX and charts set style attributes; their fonts and images come from this origin.
    expect(policy.get("style-src")).toBe("'self' 'unsafe-inline'");
    expect(policy.get("font-src")).toBe("'self' data:");
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });

  it("upgrades insecure requests only over https, and allows eval only in development", () => {
    expect(directives(contentSecurityPolicy(NONCE, { https: true, development: false })).has("upgrade-insecure-requests")).toBe(true);
    expect(directives(contentSecurityPolicy(NONCE, { https: false, development: true })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("refuses a nonce that is too short or could break out of the header", () => {
    expect(() => contentSecurityPolicy("short", { https: false, development: false })).toThrow();
    expect(() => contentSecurityPolicy(`${NONCE}'; script-src *`, { https: false, development: false })).toThrow();
  });
});

describe("isHttpsRequest", () => {
  it("believes the first X-Forwarded-Proto hop, else the URL", () => {
    expect(isHttpsRequest(new URL("http://localhost:3000/"), "https")).toBe(true);
    expect(isHttpsRequest(new URL("http://localhost:3000/"), "https, http")).toBe(true);
    expect(isHttpsRequest(new URL("https://example.test/"), null)).toBe(true);
    expect(isHttpsRequest(new URL("https://example.test/"), "http")).toBe(false);
    expect(isHttpsRequest(new URL("http://example.test/"), null)).toBe(false);
  });
});

describe("static security headers", () => {
  it("next.config.js sends exactly the headers lib/security/headers.ts defines", () => {
    expect(staticSecurityHeaders).toEqual(STATIC_SECURITY_HEADERS);
  });
});
