import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { createPrismaClient } from "@/lib/db-client";
import { serverEnv } from "@/lib/env";

const globalForPrisma = globalThis as unknown as { receptivePrisma?: PrismaClient };

/**
 * The app's one Prisma client, created on first use (not at import, so `next build` needs no database) and kept
 * on globalThis so hot reload in development does not open a new pool per edit.
 */
export function getDb(): PrismaClient {
  globalForPrisma.receptivePrisma ??= createPrismaClient(serverEnv().DATABASE_URL, 10);
  return globalForPrisma.receptivePrisma;
}
