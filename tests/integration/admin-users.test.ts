import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/login";
import { verifyPassword } from "@/lib/auth/password";
import { listAuditEntries } from "@/lib/admin/audit";
import { createInviteAsAdmin } from "@/lib/admin/invites";
import { describeResetToken, resetPasswordWithToken } from "@/lib/admin/password-reset";
import { REGISTRATION_MODE_KEY, getRegistrationMode, setRegistrationMode } from "@/lib/admin/settings";
import { changeUserRole, createPasswordResetLink, getAdminOverview, hashResetToken, listUsersForAdmin, setUserDisabled } from "@/lib/admin/users";
import { registerUser } from "@/lib/users/service";
import { createUser, expectAppError, testDb, uniqueEmail } from "./helpers";

const db = testDb();
const policy = { maxFailuresPerAccount: 50, maxFailuresPerIp: 500, windowSeconds: 900 };

// This file owns the set of admins and the registration-mode setting while it runs; other files create their own.
beforeEach(async () => {
  await db.user.updateMany({ where: { role: "ADMIN" }, data: { role: "LEARNER" } });
});
afterAll(async () => {
  await db.instanceSetting.deleteMany({ where: { key: REGISTRATION_MODE_KEY } });
  await db.$disconnect();
});

async function snapshot() {
  const [users, audits, tokens, settings, invites] = await Promise.all([
    db.user.findMany({ orderBy: { id: "asc" }, select: { id: true, role: true, disabled: true, passwordHash: true } }),
    db.auditLog.count(),
    db.passwordResetToken.count(),
    db.instanceSetting.findMany(),
    db.registrationInvite.count(),
  ]);
  return { users, audits, tokens, settings, invites };
}

describe("permissions", () => {
  it("refuses a learner (and a disabled admin) every admin service function with FORBIDDEN, changing nothing", async () => {
    const { user: learner } = await createUser(db);
    const { user: disabledAdmin } = await createUser(db, { role: "ADMIN", disabled: true });
    const { user: target } = await createUser(db);
    const before = await snapshot();
    for (const actor of [learner.id, disabledAdmin.id, "no-such-user"]) {
      const calls: Array<() => Promise<unknown>> = [
        () => listUsersForAdmin(db, actor, {}),
        () => getAdminOverview(db, actor),
        () => changeUserRole(db, actor, { userId: target.id, role: "ADMIN" }),
        () => changeUserRole(db, actor, { userId: actor, role: "ADMIN" }),
        () => setUserDisabled(db, actor, { userId: target.id, disabled: true }),
        () => createPasswordResetLink(db, actor, { userId: target.id }),
        () => listAuditEntries(db, actor, {}),
        () => setRegistrationMode(db, actor, { mode: "closed" }, "open"),
        () => createInviteAsAdmin(db, actor, { validDays: 7 }),
      ];
      for (const call of calls) expect((await expectAppError(call())).code).toBe("FORBIDDEN");
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("role changes and disabling", () => {
  it("changes a role and disables/enables an account, auditing only the changed field", async () => {
    const { user: admin } = await createUser(db, { role: "ADMIN" });
    const { user: learner, password } = await createUser(db);
    const when = new Date("2026-07-01T10:00:00Z");

    await changeUserRole(db, admin.id, { userId: learner.id, role: "ADMIN" }, when);
    expect((await db.user.findUniqueOrThrow({ where: { id: learner.id } })).role).toBe("ADMIN");
    const roleAudit = await db.auditLog.findFirstOrThrow({ where: { targetId: learner.id, action: "user.role.change" } });
    expect(roleAudit).toMatchObject({ actorId: admin.id, targetType: "User", before: { role: "LEARNER" }, after: { role: "ADMIN" }, createdAt: when });

    await changeUserRole(db, admin.id, { userId: learner.id, role: "LEARNER" });
    await setUserDisabled(db, admin.id, { userId: learner.id, disabled: true });
    const disableAudit = await db.auditLog.findFirstOrThrow({ where: { targetId: learner.id, action: "user.disable" } });
    expect(disableAudit).toMatchObject({ actorId: admin.id, before: { disabled: false }, after: { disabled: true } });
    expect((await expectAppError(authenticate(db, { email: learner.email, password, ip: "adm1" }, policy))).code).toBe("FORBIDDEN");

    await setUserDisabled(db, admin.id, { userId: learner.id, disabled: false });
    expect(await db.auditLog.count({ where: { targetId: learner.id, action: "user.enable" } })).toBe(1);
    expect((await authenticate(db, { email: learner.email, password, ip: "adm1" }, policy)).id).toBe(learner.id);

    // A no-op change writes no audit row.
    await setUserDisabled(db, admin.id, { userId: learner.id, disabled: false });
    expect(await db.auditLog.count({ where: { targetId: learner.id } })).toBe(4);

    const page = await listAuditEntries(db, admin.id, {});
    expect(page.rows[0]).toMatchObject({ action: "user.enable", actorEmail: admin.email, targetLabel: learner.email });
  });

  it("rejects invalid input with field errors", async () => {
    const { user: admin } = await createUser(db, { role: "ADMIN" });
    const error = await expectAppError(changeUserRole(db, admin.id, { userId: "", role: "OWNER" }));
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(["role", "userId"]);
    expect((await expectAppError(changeUserRole(db, admin.id, { userId: "missing-user", role: "ADMIN" }))).code).toBe("NOT_FOUND");
  });

  it("an admin cannot demote or disable themselves, and the last active admin stays", async () => {
    const { user: only } = await createUser(db, { role: "ADMIN" });
    const lastDemote = await expectAppError(changeUserRole(db, only.id, { userId: only.id, role: "LEARNER" }));
    expect(lastDemote.message).toMatch(/last active admin/);
    const lastDisable = await expectAppError(setUserDisabled(db, only.id, { userId: only.id, disabled: true }));
    expect(lastDisable.message).toMatch(/last active admin/);

    const { user: second } = await createUser(db, { role: "ADMIN" });
    expect((await expectAppError(changeUserRole(db, only.id, { userId: only.id, role: "LEARNER" }))).message).toMatch(/your own role/);
    expect((await expectAppError(setUserDisabled(db, only.id, { userId: only.id, disabled: true }))).message).toMatch(/your own account/);
    expect(await db.auditLog.count({ where: { targetId: { in: [only.id, second.id] } } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: only.id } })).role).toBe("ADMIN");
  });

  it("two admins demoting each other at once: exactly one succeeds and one admin remains", async () => {
    const { user: a } = await createUser(db, { role: "ADMIN" });
    const { user: b } = await createUser(db, { role: "ADMIN" });
    const results = await Promise.allSettled([
      changeUserRole(db, a.id, { userId: b.id, role: "LEARNER" }),
      changeUserRole(db, b.id, { userId: a.id, role: "LEARNER" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { role: "ADMIN", disabled: false } })).toBe(1);
  });

  it("lists users 50 a page with search and review counts", async () => {
    const { user: admin } = await createUser(db, { role: "ADMIN" });
    const tag = `srch${crypto.randomUUID().slice(0, 6)}`;
    for (let i = 0; i < 3; i++) await createUser(db, { email: uniqueEmail(tag) });
    const found = await listUsersForAdmin(db, admin.id, { q: tag.toUpperCase() });
    expect(found.total).toBe(3);
    expect(found.rows.every((row) => row.email.startsWith(tag) && row.reviewCount === 0)).toBe(true);
    const all = await listUsersForAdmin(db, admin.id, { page: "1" });
    expect(all.rows.length).toBeLessThanOrEqual(50);
    expect(all.pageCount).toBe(Math.max(1, Math.ceil(all.total / 50)));
  });
});

describe("password-reset links", () => {
  it("stores only the hash, works once, ends old sessions, and is audited without the token", async () => {
    const { user: admin } = await createUser(db, { role: "ADMIN" });
    const { user: learner } = await createUser(db);
    const created = new Date("2026-08-01T09:00:00Z");
    const { token, expiresAt } = await createPasswordResetLink(db, admin.id, { userId: learner.id }, created);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(expiresAt).toEqual(new Date("2026-08-02T09:00:00Z"));
    const stored = await db.passwordResetToken.findFirstOrThrow({ where: { userId: learner.id } });
    expect(stored.tokenHash).toBe(hashResetToken(token));
    expect(stored.tokenHash).not.toContain(token);
    const audit = await db.auditLog.findFirstOrThrow({ where: { targetId: learner.id, action: "user.password_reset.create" } });
    expect(JSON.stringify(audit)).not.toContain(token);
    expect(JSON.stringify(audit)).not.toContain(stored.tokenHash);

    const later = new Date("2026-08-01T20:00:00Z");
    expect(await describeResetToken(db, token, later)).toEqual({ email: learner.email });
    const mismatch = await expectAppError(resetPasswordWithToken(db, token, { password: "short", confirmPassword: "x" }, later));
    expect(Object.keys(mismatch.fieldErrors ?? {}).sort()).toEqual(["confirmPassword", "password"]);

    await resetPasswordWithToken(db, token, { password: "a fresh passphrase", confirmPassword: "a fresh passphrase" }, later);
    const user = await db.user.findUniqueOrThrow({ where: { id: learner.id } });
    expect(user.passwordChangedAt).toEqual(later);
    expect(await verifyPassword(user.passwordHash, "a fresh passphrase")).toBe(true);
    expect(JSON.stringify(await db.auditLog.findMany({ where: { targetId: learner.id } }))).not.toContain(user.passwordHash);

    expect(await describeResetToken(db, token, later)).toBeNull();
    expect((await expectAppError(resetPasswordWithToken(db, token, { password: "another passphrase", confirmPassword: "another passphrase" }, later))).code).toBe("NOT_FOUND");
    expect(await verifyPassword((await db.user.findUniqueOrThrow({ where: { id: learner.id } })).passwordHash, "a fresh passphrase")).toBe(true);
  });

  it("expires after 24 hours, and a newer link replaces an older unused one", async () => {
    const { user: admin } = await createUser(db, { role: "ADMIN" });
    const { user: learner } = await createUser(db);
    const created = new Date("2026-09-01T00:00:00Z");
    const first = await createPasswordResetLink(db, admin.id, { userId: learner.id }, created);
    const second = await createPasswordResetLink(db, admin.id, { userId: learner.id }, created);
    const input = { password: "expired passphrase", confirmPassword: "expired passphrase" };
    expect(await describeResetToken(db, first.token, created)).toBeNull();
    expect((await expectAppError(resetPasswordWithToken(db, first.token, input, created))).code).toBe("NOT_FOUND");

    const justBefore = new Date(created.getTime() + 24 * 3_600_000 - 1);
    const atExpiry = new Date(created.getTime() + 24 * 3_600_000);
    expect(await describeResetToken(db, second.token, justBefore)).not.toBeNull();
    expect(await describeResetToken(db, second.token, atExpiry)).toBeNull();
    expect((await expectAppError(resetPasswordWithToken(db, second.token, input, atExpiry))).code).toBe("NOT_FOUND");
    expect((await db.user.findUniqueOrThrow({ where: { id: learner.id } })).passwordHash).toBe(learner.passwordHash);
    expect((await expectAppError(resetPasswordWithToken(db, "not-a-token", input, created))).code).toBe("NOT_FOUND");
  });
});

describe("registration mode setting", () => {
  function registration(overrides: Record<string, unknown> = {}) {
    return { name: "Reg Mode", email: uniqueEmail("mode"), password: "analytical engine", confirmPassword: "analytical engine", ...overrides };
  }

  it("defaults to the environment value and, once stored, overrides it for registerUser; changes are audited", async () => {
    const { user: admin } = await createUser(db, { role: "ADMIN" });
    await db.instanceSetting.deleteMany({ where: { key: REGISTRATION_MODE_KEY } });
    expect(await getRegistrationMode(db, "invite")).toBe("invite");

    expect(await setRegistrationMode(db, admin.id, { mode: "closed" }, "open")).toBe("closed");
    expect(await getRegistrationMode(db, "open")).toBe("closed");
    expect((await expectAppError(registerUser(db, registration(), { mode: "open" }))).code).toBe("REGISTRATION_CLOSED");
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "settings.registration_mode.change" }, orderBy: { createdAt: "desc" } });
    expect(audit).toMatchObject({ actorId: admin.id, before: { registrationMode: "open" }, after: { registrationMode: "closed" } });

    await setRegistrationMode(db, admin.id, { mode: "invite" }, "open");
    expect((await expectAppError(registerUser(db, registration(), { mode: "open" }))).fieldErrors?.inviteCode).toBeDefined();
    const invite = await createInviteAsAdmin(db, admin.id, { email: "", validDays: "3" });
    expect(invite.email).toBeNull();
    expect((await registerUser(db, registration({ inviteCode: invite.code }), { mode: "closed" })).role).toBe("LEARNER");
    const inviteAudit = await db.auditLog.findFirstOrThrow({ where: { action: "invite.create", actorId: admin.id } });
    expect(JSON.stringify(inviteAudit)).not.toContain(invite.code);

    await setRegistrationMode(db, admin.id, { mode: "open" }, "closed");
    expect((await registerUser(db, registration(), { mode: "closed" })).role).toBe("LEARNER");
    expect((await expectAppError(setRegistrationMode(db, admin.id, { mode: "sometimes" }, "open"))).fieldErrors?.mode).toBeDefined();
    expect((await expectAppError(createInviteAsAdmin(db, admin.id, { validDays: 0, email: "nope" }))).fieldErrors).toHaveProperty("validDays");
  });
});
