import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/options";
import { getDb } from "@/lib/db";
import { isLocale, type Locale } from "@/lib/i18n/locales";

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: "LEARNER" | "ADMIN";
  /** The interface language the learner chose, or null to follow the browser. */
  locale: Locale | null;
}

/**
 * The logged-in user, re-read from the database once per request: a demotion, a disabled account or a password
 * change takes effect on the next request, whatever the session cookie still says.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.userId) return null;
  const user = await getDb().user.findUnique({
    where: { id: session.userId },
    select: { id: true, email: true, name: true, role: true, disabled: true, passwordChangedAt: true, locale: true },
  });
  if (!user || user.disabled) return null;
  // Tokens from before the last password change are void (allow 1 s for clock granularity).
  if (!session.authTime || session.authTime + 1000 < user.passwordChangedAt.getTime()) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, locale: isLocale(user.locale) ? user.locale : null };
});

/** For pages: the user, or a redirect to the login page that comes back here afterwards. */
export async function requireUser(returnTo = "/home"): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For admin pages and actions: a 403 for anyone who is not an admin (checked here, never only in the UI). */
export async function requireAdmin(returnTo = "/admin"): Promise<CurrentUser> {
  const user = await requireUser(returnTo);
  if (user.role !== "ADMIN") forbidden();
  return user;
}
