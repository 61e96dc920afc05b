import { afterAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/login";
import { verifyPassword } from "@/lib/auth/password";
import { changePassword, createAdmin, createInvite, ensureFirstAdmin, registerUser, resetPassword } from "@/lib/users/service";
import { createUser, expectAppError, testDb, uniqueEmail } from "./helpers";

const db = testDb();
afterAll(() => db.$disconnect());

const policy = { maxFailuresPerAccount: 50, maxFailuresPerIp: 500, windowSeconds: 900 };


function registration(overrides: Record<string, unknown> = {}) {
  return { name: "Ada Lovelace", email: uniqueEmail("ada"), password: "analytical engine", confirmPassword: "analytical engine", ...overrides };
}

describe("registerUser", () => {
  it("creates a learner with a lower-cased email and an argon2id hash, and the account can log in", async () => {
    const input = registration({ email: `Mixed.Case-${crypto.randomUUID().slice(0, 6)}@Example.TEST` });
    const user = await registerUser(db, input, { mode: "open" });
    expect(user.role).toBe("LEARNER");
    expect(user.email).toBe(String(input.email).toLowerCase());
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain("analytical");
    expect((await authenticate(db, { email: input.email, password: "analytical engine", ip: "t" }, policy)).id).toBe(user.id);
  });

  it("rejects a second account with the same email in another case", async () => {
    const email = uniqueEmail("dup");
    await registerUser(db, registration({ email }), { mode: "open" });
    const error = await expectAppError(registerUser(db, registration({ email: email.toUpperCase() }), { mode: "open" }));
    expect(error.code).toBe("CONFLICT");
    expect(error.fieldErrors?.email?.[0]).toMatch(/already exists/);
  });

  it("reports every invalid field by name", async () => {
    const error = await expectAppError(
      registerUser(db, { name: "  ", email: "nope", password: "short", confirmPassword: "different" }, { mode: "open" }),
    );
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(["confirmPassword", "email", "name", "password"]);
  });

  it("refuses every registration when registration is closed", async () => {
    const input = registration();
    const error = await expectAppError(registerUser(db, input, { mode: "closed" }));
    expect(error.code).toBe("REGISTRATION_CLOSED");
    expect(await db.user.count({ where: { email: String(input.email) } })).toBe(0);
  });

  it("in invite mode, accepts a valid code once and rejects missing, wrong, expired and used codes", async () => {
    const now = new Date("2026-05-01T12:00:00Z");
    const { code } = await createInvite(db, { validDays: 7, now });
    expect((await expectAppError(registerUser(db, registration(), { mode: "invite", now }))).fieldErrors?.inviteCode).toBeDefined();
    expect((await expectAppError(registerUser(db, registration({ inviteCode: "made-up" }), { mode: "invite", now }))).code).toBe("VALIDATION");

    const user = await registerUser(db, registration({ inviteCode: code }), { mode: "invite", now });
    const invite = await db.registrationInvite.findFirstOrThrow({ where: { usedById: user.id } });
    expect(invite.usedAt).toEqual(now);
    expect((await expectAppError(registerUser(db, registration({ inviteCode: code }), { mode: "invite", now }))).code).toBe("VALIDATION");

    const expired = await createInvite(db, { validDays: 1, now });
    const twoDaysLater = new Date(now.getTime() + 2 * 86_400_000);
    expect((await expectAppError(registerUser(db, registration({ inviteCode: expired.code }), { mode: "invite", now: twoDaysLater }))).code).toBe("VALIDATION");
  });

  it("an invite addressed to one email cannot be used by another", async () => {
    const invited = uniqueEmail("invited");
    const { code } = await createInvite(db, { email: invited });
    expect((await expectAppError(registerUser(db, registration({ inviteCode: code }), { mode: "invite" }))).code).toBe("VALIDATION");
    const user = await registerUser(db, registration({ email: invited, inviteCode: code }), { mode: "invite" });
    expect(user.email).toBe(invited);
  });
});

describe("changePassword", () => {
  it("requires the current password and keeps the old hash when it is wrong", async () => {
    const { user } = await createUser(db);
    const error = await expectAppError(
      changePassword(db, user.id, { currentPassword: "not it at all", newPassword: "a brand new passphrase", confirmPassword: "a brand new passphrase" }),
    );
    expect(error.fieldErrors?.currentPassword).toBeDefined();
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toBe(user.passwordHash);
  });

  it("replaces the hash, moves passwordChangedAt, and the old password stops working", async () => {
    const { user, password } = await createUser(db);
    const when = new Date("2026-06-01T00:00:00Z");
    await changePassword(db, user.id, { currentPassword: password, newPassword: "a brand new passphrase", confirmPassword: "a brand new passphrase" }, when);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordChangedAt).toEqual(when);
    expect(await verifyPassword(stored.passwordHash, "a brand new passphrase")).toBe(true);
    expect((await expectAppError(authenticate(db, { email: user.email, password, ip: "t2" }, policy))).code).toBe("UNAUTHENTICATED");
  });

  it("rejects a new password equal to the current one", async () => {
    const { user, password } = await createUser(db, { password: "same old password" });
    const error = await expectAppError(changePassword(db, user.id, { currentPassword: password, newPassword: password, confirmPassword: password }));
    expect(error.fieldErrors?.newPassword).toBeDefined();
  });
});

describe("admin accounts", () => {
  it("ensureFirstAdmin creates one admin with a random password once, then changes nothing", async () => {
    await db.user.updateMany({ where: { role: "ADMIN" }, data: { role: "LEARNER" } });
    const first = await ensureFirstAdmin(db, "first-admin@example.test");
    expect(first.created).toBe(true);
    expect(first.password).toHaveLength(24);
    const second = await ensureFirstAdmin(db, "someone-else@example.test");
    expect(second).toEqual({ created: false, email: "first-admin@example.test" });
    expect(await db.user.count({ where: { role: "ADMIN" } })).toBe(1);
    expect((await authenticate(db, { email: first.email, password: first.password!, ip: "t3" }, policy)).role).toBe("ADMIN");
  });

  it("createAdmin promotes an existing learner; resetPassword sets a new password", async () => {
    const { user } = await createUser(db);
    const admin = await createAdmin(db, { email: user.email, password: "promoted and reset" });
    expect(admin).toMatchObject({ id: user.id, role: "ADMIN" });
    await resetPassword(db, user.email, "second new password");
    expect((await authenticate(db, { email: user.email, password: "second new password", ip: "t4" }, policy)).id).toBe(user.id);
    expect((await expectAppError(resetPassword(db, uniqueEmail("missing"), "irrelevant password"))).code).toBe("NOT_FOUND");
  });
});
