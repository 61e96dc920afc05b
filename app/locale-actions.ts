"use server";

import { cookies } from "next/headers";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { saveUserLocale } from "@/lib/users/locale";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * Switches the interface language: remembered in a cookie for this browser and, for a logged-in learner, on
 * their account (which wins on every other browser). The page re-renders in the new language on refresh.
 */
export async function setLocaleAction(locale: unknown): Promise<{ ok: boolean }> {
  if (!isLocale(locale)) return { ok: false };
  const user = await getCurrentUser();
  if (user) await saveUserLocale(getDb(), user.id, locale);
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: ONE_YEAR_SECONDS,
    sameSite: "lax",
    secure: (process.env.NEXTAUTH_URL ?? "").startsWith("https://"),
  });
  return { ok: true };
}
