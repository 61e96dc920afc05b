import type { Db } from "@/lib/db-client";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { AppError } from "@/lib/errors";

/** Saves a learner's interface language on their account, so it follows them to every browser. */
export async function saveUserLocale(db: Db, userId: string, locale: unknown): Promise<Locale> {
  if (!isLocale(locale)) throw new AppError("VALIDATION", "Choose one of the listed languages.");
  await db.user.update({ where: { id: userId }, data: { locale } });
  return locale;
}
