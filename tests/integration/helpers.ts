import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db-client";
import { hashPassword } from "@/lib/auth/password";

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
