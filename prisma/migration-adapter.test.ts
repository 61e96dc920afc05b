import { describe, expect, it } from "vitest";
import { withDatabase } from "./migration-adapter";

describe("withDatabase", () => {
  it("replaces only the database of a connection URL, keeping credentials, port and options", () => {
    expect(withDatabase("postgresql://app:s%40cret@db.internal:6543/receptive?sslmode=require", "prisma_migrate_shadow_db_1")).toBe(
      "postgresql://app:s%40cret@db.internal:6543/prisma_migrate_shadow_db_1?sslmode=require",
    );
  });

  it("adds a database to a URL that has none", () => {
    expect(withDatabase("postgres://u@localhost", "shadow")).toBe("postgres://u@localhost/shadow");
  });
});
