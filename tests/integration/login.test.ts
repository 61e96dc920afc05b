import { afterAll, describe, expect, it } from "vitest";
import { authenticate, WRONG_CREDENTIALS_MESSAGE, type LoginPolicy } from "@/lib/auth/login";
import { createUser, expectAppError, testDb, uniqueEmail } from "./helpers";

const db = testDb();
afterAll(() => db.$disconnect());

const policy: LoginPolicy = { maxFailuresPerAccount: 5, maxFailuresPerIp: 8, windowSeconds: 900 };
const t0 = new Date("2026-03-01T08:00:00Z");
const minutesLater = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);


describe("authenticate", () => {
  it("accepts the right password, case-insensitively on the email, and records activity", async () => {
    const { user, password } = await createUser(db);
    const result = await authenticate(db, { email: user.email.toUpperCase(), password, ip: "10.0.0.1" }, policy, t0);
    expect(result).toEqual({ id: user.id, email: user.email, name: user.name, role: "LEARNER" });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.lastActiveAt).toEqual(t0);
  });

  it("gives the same message for a wrong password and for an unknown account", async () => {
    const { user } = await createUser(db);
    const wrong = await expectAppError(authenticate(db, { email: user.email, password: "not the password", ip: "10.0.0.2" }, policy, t0));
    const unknown = await expectAppError(authenticate(db, { email: uniqueEmail("ghost"), password: "whatever12345", ip: "10.0.0.2" }, policy, t0));
    expect(wrong.code).toBe("UNAUTHENTICATED");
    expect(unknown.code).toBe("UNAUTHENTICATED");
    expect(wrong.message).toBe(WRONG_CREDENTIALS_MESSAGE);
    expect(unknown.message).toBe(WRONG_CREDENTIALS_MESSAGE);
  });

  it("refuses an account after 5 failures, even with the right password, until the window passes", async () => {
    const { user, password } = await createUser(db);
    for (let i = 0; i < 5; i++) {
      const error = await expectAppError(authenticate(db, { email: user.email, password: `wrong-${i}`, ip: `10.1.0.${i}` }, policy, t0));
      expect(error.code).toBe("UNAUTHENTICATED");
    }
    const limited = await expectAppError(authenticate(db, { email: user.email, password, ip: "10.1.0.99" }, policy, minutesLater(1)));
    expect(limited.code).toBe("RATE_LIMITED");
    // Window of 15 min opened at t0; one minute later 14 minutes remain.
    expect(limited.message).toBe("Too many failed log-in attempts. Try again in 14 minutes.");
    const later = await authenticate(db, { email: user.email, password, ip: "10.1.0.99" }, policy, minutesLater(16));
    expect(later.id).toBe(user.id);
  });

  it("a successful login clears the account's failure count", async () => {
    const { user, password } = await createUser(db);
    for (let i = 0; i < 4; i++) await expectAppError(authenticate(db, { email: user.email, password: "nope-nope", ip: "10.2.0.1" }, policy, t0));
    await authenticate(db, { email: user.email, password, ip: "10.2.0.1" }, policy, t0);
    for (let i = 0; i < 4; i++) {
      const error = await expectAppError(authenticate(db, { email: user.email, password: "nope-nope", ip: "10.2.0.2" }, policy, t0));
      expect(error.code).toBe("UNAUTHENTICATED");
    }
  });

  it("limits one address trying many accounts", async () => {
    const ip = "10.3.0.1";
    for (let i = 0; i < 8; i++) {
      await expectAppError(authenticate(db, { email: uniqueEmail("spray"), password: "guess-guess", ip }, policy, t0));
    }
    const { user, password } = await createUser(db);
    const limited = await expectAppError(authenticate(db, { email: user.email, password, ip }, policy, t0));
    expect(limited.code).toBe("RATE_LIMITED");
    // Another address is unaffected.
    expect((await authenticate(db, { email: user.email, password, ip: "10.3.0.2" }, policy, t0)).id).toBe(user.id);
  });

  it("refuses a disabled account only after the password is right", async () => {
    const { user, password } = await createUser(db, { disabled: true });
    const wrong = await expectAppError(authenticate(db, { email: user.email, password: "wrong-wrong", ip: "10.4.0.1" }, policy, t0));
    expect(wrong.code).toBe("UNAUTHENTICATED");
    const right = await expectAppError(authenticate(db, { email: user.email, password, ip: "10.4.0.1" }, policy, t0));
    expect(right.code).toBe("FORBIDDEN");
    expect(right.message).toMatch(/disabled/);
  });

  it("treats malformed input as wrong credentials, not a crash", async () => {
    for (const credentials of [{}, { email: 42, password: [] }, { email: "not-an-email", password: "x" }, { email: "a@b.co", password: "" }]) {
      const error = await expectAppError(authenticate(db, { ...credentials, ip: "10.5.0.1" }, policy, t0));
      expect(error.code).toBe("UNAUTHENTICATED");
    }
  });
});
