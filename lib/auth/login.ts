/**
 * The credential check behind the login form: rate limits per account and per client address, constant-ish
 * time for unknown accounts, and one message for every wrong email/password combination.
 */
import type { Db } from "@/lib/db-client";
import { AppError } from "@/lib/errors";
import { loginSchema } from "@/lib/validation/auth";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { hitRateLimit, peekRateLimit, resetRateLimit, type RateLimitRule } from "@/lib/auth/rate-limit";

export interface LoginPolicy {
  maxFailuresPerAccount: number;
  maxFailuresPerIp: number;
  windowSeconds: number;
}

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: "LEARNER" | "ADMIN";
}

export const WRONG_CREDENTIALS_MESSAGE = "Email or password is incorrect.";

export function accountKey(email: string): string {
  return `login:account:${email}`;
}

export function ipKey(ip: string): string {
  return `login:ip:${ip}`;
}

function tooManyAttempts(retryAfterSeconds: number): AppError {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new AppError(
    "RATE_LIMITED",
    `Too many failed log-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
  );
}

export async function authenticate(
  db: Db,
  credentials: { email?: unknown; password?: unknown; ip: string },
  policy: LoginPolicy,
  now = new Date(),
): Promise<AuthenticatedUser> {
  const parsed = loginSchema.safeParse({ email: credentials.email, password: credentials.password });
  if (!parsed.success) throw new AppError("UNAUTHENTICATED", WRONG_CREDENTIALS_MESSAGE);
  const { email, password } = parsed.data;

  const accountRule: RateLimitRule = { limit: policy.maxFailuresPerAccount, windowSeconds: policy.windowSeconds };
  const ipRule: RateLimitRule = { limit: policy.maxFailuresPerIp, windowSeconds: policy.windowSeconds };
  const [account, address] = await Promise.all([
    peekRateLimit(db, accountKey(email), accountRule, now),
    peekRateLimit(db, ipKey(credentials.ip), ipRule, now),
  ]);
  // Refuse before checking the password, so a correct guess after the limit does not get through.
  if (account.limited || address.limited) {
    throw tooManyAttempts(Math.max(account.retryAfterSeconds, address.retryAfterSeconds));
  }

  const user = await db.user.findUnique({ where: { email } });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !passwordOk) {
    await Promise.all([
      hitRateLimit(db, accountKey(email), accountRule, now),
      hitRateLimit(db, ipKey(credentials.ip), ipRule, now),
    ]);
    throw new AppError("UNAUTHENTICATED", WRONG_CREDENTIALS_MESSAGE);
  }
  if (user.disabled) {
    throw new AppError("FORBIDDEN", "This account is disabled. Ask an administrator to enable it.");
  }

  await resetRateLimit(db, accountKey(email));
  await db.user.update({ where: { id: user.id }, data: { lastActiveAt: now } });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
