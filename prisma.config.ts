import { defineConfig } from "prisma/config";
import { MigrationSafePrismaPg } from "./prisma/migration-adapter";

// The CLI falls back to downloading a native engine (and hides the real error) when env("DATABASE_URL") does not
// resolve, so give it a value before anything reads it. The launcher and tests always set the real one.
process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/receptive";
const databaseUrl = process.env.DATABASE_URL;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js", // WASM schema engine: nothing to download
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    return new MigrationSafePrismaPg(databaseUrl);
  },
});
