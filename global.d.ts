import type { Messages } from "@/lib/i18n/catalogues";
import type { Locale } from "@/lib/i18n/locales";

// Message keys and locales are type-checked: `t("study.showAnswer")` must exist in the English catalogue.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
