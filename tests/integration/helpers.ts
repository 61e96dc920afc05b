import { randomUUID } from "node:crypto";
import { expect, inject } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db-client";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";

export function testDb(): Db {
  return createPrismaClient(inject("databaseUrl"), 4);
}

/** An email no other test uses, so files can share one database without cleaning it. */
export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
}

export async function createUser(
  db: Db,
  options: { email?: string; password?: string; role?: "LEARNER" | "ADMIN"; disabled?: boolean } = {},
) {
  const password = options.password ?? "correct horse battery";
  const user = await db.user.create({
    data: {
      email: options.email ?? uniqueEmail(),
      name: "Test User",
      passwordHash: await hashPassword(password),
      role: options.role ?? "LEARNER",
      disabled: options.disabled ?? false,
    },
  });
  return { user, password };
}

/** Awaits a promise that must reject with an AppError, and returns that error for further checks. */
export async function expectAppError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Empties the question-bank tables (and what hangs off them) for files that own them during their run. */
export async function clearQuestionBank(db: Db): Promise<void> {
  await db.reviewLog.deleteMany();
  await db.card.deleteMany();
  await db.numericAttempt.deleteMany();
  await db.questionRevision.deleteMany();
  await db.question.deleteMany();
  await db.deck.deleteMany();
}
