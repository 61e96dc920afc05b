/**
 * Account rules: registration (open / invite / closed), password changes, the first admin, and the admin CLI.
 * Every function takes the database as a parameter so the app, scripts and tests share one implementation.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/lib/db-client";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { getRegistrationMode } from "@/lib/admin/settings";
import {
  changePasswordSchema,
  displayNameSchema,
  emailSchema,
  fieldErrorsOf,
  newPasswordSchema,
  registerSchema,
} from "@/lib/validation/auth";

export type RegistrationMode = "open" | "invite" | "closed";

export interface PublicUser {
  id: string;
  email: string;
  name: string;
  role: "LEARNER" | "ADMIN";
}

function hashInviteCode(code: string): string {
  return createHash("sha256").update(code.trim()).digest("hex");
}

/** A password a person can copy: 24 characters from a 62-letter alphabet (~143 bits). */
export function generatePassword(length = 24): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  const bytes = randomBytes(length * 2);
  let out = "";
  // Rejection sampling keeps every character equally likely.
  for (let i = 0; i < bytes.length && out.length < length; i++) {
    const byte = bytes[i]!;
    if (byte < 256 - (256 % alphabet.length)) out += alphabet[byte % alphabet.length];
  }
  return out.length === length ? out : generatePassword(length);
}

/**
 * Creates a learner account. `options.mode` is the instance default (the REGISTRATION_MODE environment variable);
 * a mode an admin stored at /admin/settings overrides it (`getRegistrationMode`).
 */
export async function registerUser(
  db: Db,
  input: unknown,
  options: { mode: RegistrationMode; now?: Date; locale?: Locale },
): Promise<PublicUser> {
  const mode = await getRegistrationMode(db, options.mode);
  if (mode === "closed") {
    throw new AppError("REGISTRATION_CLOSED", "Registration is closed on this Receptive. Ask an administrator for an account.");
  }
  const parsed = registerSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("VALIDATION", "Please fix the highlighted fields.", fieldErrorsOf(parsed.error));
  }
  const { name, email, password, inviteCode } = parsed.data;
  const now = options.now ?? new Date();
  const passwordHash = await hashPassword(password);

  return db.$transaction(async (tx) => {
    let inviteId: string | undefined;
    if (mode === "invite") {
      const invite = inviteCode ? await tx.registrationInvite.findUnique({ where: { codeHash: hashInviteCode(inviteCode) } }) : null;
      const usable = invite && !invite.usedAt && invite.expiresAt > now && (!invite.email || invite.email === email);
      if (!usable) {
        throw new AppError("VALIDATION", "Registration needs a valid invite code.", {
          inviteCode: ["This invite code is not valid, has expired or was already used."],
        });
      }
      inviteId = invite.id;
    }
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (existing) {
      throw new AppError("CONFLICT", "Please fix the highlighted fields.", {
        email: ["An account with this email already exists. Log in instead."],
      });
    }
    // The language the account was made in is remembered, so the learner gets it on every browser.
    const user = await tx.user.create({ data: { name, email, passwordHash, locale: options.locale ?? null } });
    if (inviteId) {
      // Conditional update: two registrations racing for one invite cannot both succeed.
      const { count } = await tx.registrationInvite.updateMany({
        where: { id: inviteId, usedAt: null },
        data: { usedAt: now, usedById: user.id },
      });
      if (count !== 1) throw new AppError("CONFLICT", "This invite code was just used. Ask for a new one.");
    }
    return { id: user.id, email: user.email, name: user.name, role: user.role };
  });
}

export async function changePassword(db: Db, userId: string, input: unknown, now = new Date()): Promise<void> {
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("VALIDATION", "Please fix the highlighted fields.", fieldErrorsOf(parsed.error));
  }
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) throw new AppError("UNAUTHENTICATED", "Please log in again.");
  if (!(await verifyPassword(user.passwordHash, parsed.data.currentPassword))) {
    throw new AppError("VALIDATION", "Please fix the highlighted fields.", {
      currentPassword: ["The current password is not right."],
    });
  }
  await db.user.update({
    where: { id: userId },
    // Sessions issued before this instant stop working (lib/auth/session.ts), on every device.
    data: { passwordHash: await hashPassword(parsed.data.newPassword), passwordChangedAt: now },
  });
}

/** Creates an admin, or promotes and re-passwords an existing account with that email. Used by the CLI. */
export async function createAdmin(db: Db, input: { email: string; name?: string; password: string }): Promise<PublicUser> {
  const email = emailSchema.parse(input.email);
  const password = newPasswordSchema.parse(input.password);
  const name = displayNameSchema.parse(input.name ?? email.split("@")[0]);
  const passwordHash = await hashPassword(password);
  const user = await db.user.upsert({
    where: { email },
    create: { email, name, passwordHash, role: "ADMIN" },
    update: { role: "ADMIN", passwordHash, disabled: false, passwordChangedAt: new Date() },
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export async function resetPassword(db: Db, emailInput: string, password: string): Promise<PublicUser> {
  const email = emailSchema.parse(emailInput);
  const newHash = await hashPassword(newPasswordSchema.parse(password));
  const user = await db.user.findUnique({ where: { email } });
  if (!user) throw new AppError("NOT_FOUND", `No account has the email ${email}.`);
  const updated = await db.user.update({
    where: { id: user.id },
    data: { passwordHash: newHash, passwordChangedAt: new Date() },
  });
  return { id: updated.id, email: updated.email, name: updated.name, role: updated.role };
}

export interface FirstAdminResult {
  created: boolean;
  email: string;
  /** Only when created: the generated password, to be shown once. */
  password?: string;
}

/** On first run (no admin at all), creates one with a random password. Later runs change nothing. */
export async function ensureFirstAdmin(db: Db, emailInput: string): Promise<FirstAdminResult> {
  const existing = await db.user.findFirst({ where: { role: "ADMIN" }, orderBy: { createdAt: "asc" } });
  if (existing) return { created: false, email: existing.email };
  const password = generatePassword();
  const admin = await createAdmin(db, { email: emailInput, name: "Administrator", password });
  return { created: true, email: admin.email, password };
}

export async function createInvite(
  // Only the invite table is needed, so an admin action can pass its transaction (lib/admin/invites.ts).
  db: Pick<Db, "registrationInvite">,
  options: { email?: string; validDays?: number; createdById?: string; now?: Date },
): Promise<{ code: string; expiresAt: Date }> {
  const now = options.now ?? new Date();
  const code = randomBytes(18).toString("base64url");
  const expiresAt = new Date(now.getTime() + (options.validDays ?? 7) * 86_400_000);
  await db.registrationInvite.create({
    data: {
      codeHash: hashInviteCode(code),
      email: options.email ? emailSchema.parse(options.email) : null,
      expiresAt,
      createdById: options.createdById,
    },
  });
  return { code, expiresAt };
}

export interface UserListRow {
  id: string;
  email: string;
  name: string;
  role: "LEARNER" | "ADMIN";
  disabled: boolean;
  createdAt: Date;
  lastActiveAt: Date | null;
}

export async function listUsers(db: Db, options: { take?: number; skip?: number } = {}): Promise<{ rows: UserListRow[]; total: number }> {
  const take = Math.min(Math.max(options.take ?? 50, 1), 200);
  const [rows, total] = await Promise.all([
    db.user.findMany({
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take,
      skip: Math.max(options.skip ?? 0, 0),
      select: { id: true, email: true, name: true, role: true, disabled: true, createdAt: true, lastActiveAt: true },
    }),
    db.user.count(),
  ]);
  return { rows, total };
}
