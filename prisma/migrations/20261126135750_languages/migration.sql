-- AlterTable
ALTER TABLE "Question" ADD COLUMN     "translations" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "locale" TEXT;

-- Only the interface languages the app has (lib/i18n/locales.ts); a typo cannot be stored.
ALTER TABLE "User" ADD CONSTRAINT "User_locale_check" CHECK ("locale" IS NULL OR "locale" IN ('en', 'zh-Hans', 'zh-Hant'));
