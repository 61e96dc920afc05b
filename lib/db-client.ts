import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";

/** A Prisma client for scripts and tests that manage their own database URL. */
export function createPrismaClient(databaseUrl: string, poolSize = 5): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize }) });
}

export type Db = PrismaClient;
