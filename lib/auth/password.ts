// Node-only (native argon2); used by the app, the admin CLI and tests, so it does not import "server-only".
import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's recommended minimum (m=19 MiB, t=2, p=1): ~30 ms per hash on this class of machine,
// slow for an attacker with a stolen table, fast enough for a login.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash must fail closed, not crash the login.
    return false;
  }
}

/**
 * A valid hash of a random password, verified when the account does not exist so that a login for an unknown
 * email takes as long as one for a known email (no account enumeration by timing).
 */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(crypto.randomUUID());
  return dummyHash;
}
