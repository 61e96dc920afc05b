import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";

export const UNSTORABLE_TEXT_MESSAGE = "The input contains characters that cannot be stored (a NUL character or half of a surrogate pair).";

/**
 * Whether `value` holds a string PostgreSQL cannot take: one with a NUL character (not allowed in text or jsonb) or
 * with half of a UTF-16 surrogate pair (no UTF-8 encoding; Prisma's query protocol rejects it). Looks through arrays
 * and objects (query arguments are shallow; `depth` stops a cycle); dates and byte arrays hold no text.
 */
export function hasUnstorableText(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes("\u0000") || !value.isWellFormed();
  if (typeof value !== "object" || value === null || depth > 32 || value instanceof Date || ArrayBuffer.isView(value)) return false;
  return Object.values(value).some((inner) => hasUnstorableText(inner, depth + 1));
}

/**
 * A Prisma client for the app, scripts and tests. Every query's arguments are checked first: text the database
 * cannot store only comes from a forged request, and is refused as a VALIDATION AppError (422, or the action's
 * message) instead of failing inside the driver as an internal error. The extension only adds that check, so the
 * client keeps PrismaClient's API, and its type.
 */
export function createPrismaClient(databaseUrl: string, poolSize = 5): PrismaClient {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize }) });
  return client.$extends({
    query: {
      async $allOperations({ args, query }) {
        if (hasUnstorableText(args)) throw new AppError("VALIDATION", UNSTORABLE_TEXT_MESSAGE);
        return query(args);
      },
    },
  }) as unknown as PrismaClient;
}

export type Db = PrismaClient;
