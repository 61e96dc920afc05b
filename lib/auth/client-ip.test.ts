import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

describe("clientIp", () => {
  it("uses the last X-Forwarded-For entry (the one the nearest proxy or Next itself added)", () => {
    expect(clientIp({ "x-forwarded-for": "203.0.113.9" })).toBe("203.0.113.9");
    expect(clientIp({ "x-forwarded-for": "1.2.3.4, 198.51.100.7" })).toBe("198.51.100.7");
    expect(clientIp(new Headers({ "x-forwarded-for": "1.1.1.1,  192.0.2.1 " }))).toBe("192.0.2.1");
    expect(clientIp({ "x-forwarded-for": ["10.0.0.1", "10.0.0.2"] })).toBe("10.0.0.2");
  });

  it("falls back to a fixed key without the header and caps the length", () => {
    expect(clientIp({})).toBe("unknown");
    expect(clientIp({ "x-forwarded-for": " , " })).toBe("unknown");
    expect(clientIp({ "x-forwarded-for": "x".repeat(500) })).toHaveLength(64);
  });
});
