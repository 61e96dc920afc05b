/**
 * `npm run admin -- <command>`: account administration from the shell, for the first admin and for recovery.
 *
 *   create EMAIL [--name NAME] [--password PASSWORD]   create an admin (or promote an existing account)
 *   reset-password EMAIL [--password PASSWORD]         set a new password (random when not given)
 *   invite [--email EMAIL] [--days N]                  one-time registration code for invite-only mode
 *   list                                               accounts with their roles
 *
 * Uses DATABASE_URL, or the embedded PostgreSQL of a running `npm start`, or starts the embedded one briefly.
 */
import { parseArgs } from "node:util";
import { createPrismaClient } from "../lib/db-client";
import { isAppError } from "../lib/errors";
import { createAdmin, createInvite, generatePassword, listUsers, resetPassword } from "../lib/users/service";
import { acquireDatabase } from "./lib/database";
import { migrateDeploy } from "./lib/run";
import { ZodError } from "zod";

const USAGE = `Usage:
  npm run admin -- create EMAIL [--name NAME] [--password PASSWORD]
  npm run admin -- reset-password EMAIL [--password PASSWORD]
  npm run admin -- invite [--email EMAIL] [--days N]
  npm run admin -- list`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: "string" },
      password: { type: "string" },
      email: { type: "string" },
      days: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, target] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  if ((command === "create" || command === "reset-password") && !target) {
    console.error(`${command} needs an email address.\n\n${USAGE}`);
    return 2;
  }
  if (!["create", "reset-password", "invite", "list"].includes(command)) {
    console.error(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }

  const database = await acquireDatabase();
  const db = createPrismaClient(database.url, 2);
  try {
    await migrateDeploy(database.url);
    const password = values.password ?? generatePassword();
    switch (command) {
      case "create": {
        const user = await createAdmin(db, { email: target!, name: values.name, password });
        console.log(`Admin ready: ${user.email}`);
        if (!values.password) console.log(`Password: ${password}\n(shown once; change it after logging in)`);
        break;
      }
      case "reset-password": {
        const user = await resetPassword(db, target!, password);
        console.log(`Password reset for ${user.email}; their other sessions are logged out.`);
        if (!values.password) console.log(`New password: ${password}\n(shown once)`);
        break;
      }
      case "invite": {
        const days = values.days ? Number(values.days) : 7;
        if (!Number.isInteger(days) || days < 1 || days > 365) throw new Error("--days must be a whole number from 1 to 365");
        const invite = await createInvite(db, { email: values.email, validDays: days });
        console.log(`Invite code: ${invite.code}\nValid until ${invite.expiresAt.toISOString()}${values.email ? ` for ${values.email}` : ""}.`);
        console.log(`Registration link: <your Receptive URL>/register?invite=${encodeURIComponent(invite.code)}`);
        break;
      }
      case "list": {
        const { rows, total } = await listUsers(db, { take: 200 });
        for (const user of rows) console.log(`${user.role.padEnd(8)} ${user.disabled ? "disabled" : "active  "} ${user.email}  (${user.name})`);
        console.log(`${total} account(s)`);
        break;
      }
    }
    return 0;
  } catch (error) {
    if (isAppError(error)) console.error(error.message);
    else if (error instanceof ZodError) console.error(error.issues.map((issue) => issue.message).join("\n"));
    else console.error(error instanceof Error ? error.message : error);
    return 1;
  } finally {
    await db.$disconnect();
    await database.release();
  }
}

main().then((code) => process.exit(code));
