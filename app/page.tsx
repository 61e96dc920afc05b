import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";

/** The feature cards, by their key under common.landing.features. */
const FEATURES = ["spacedRepetition", "numeric", "bank", "groups"] as const;

export default async function LandingPage() {
  if (await getCurrentUser()) redirect("/home");
  const t = await getTranslations("common.landing");
  return (
    <div className="space-y-12 py-6 sm:py-12">
      <section className="max-w-2xl space-y-5">
        <p className="text-sm font-semibold tracking-wide text-brand-600 uppercase dark:text-brand-500">
          {t("eyebrow")}
        </p>
        <h1 className="text-4xl font-bold tracking-tight sm:text-5xl">{t("headline")}</h1>
        <p className="text-lg text-slate-600 dark:text-slate-300">{t("intro")}</p>
        <div className="flex flex-wrap gap-3">
          <Link href="/register" className="btn-primary">{t("register")}</Link>
          <Link href="/login" className="btn-secondary">{t("logIn")}</Link>
        </div>
      </section>
      <section aria-label={t("featuresLabel")} className="grid gap-4 sm:grid-cols-2">
        {FEATURES.map((feature) => (
          <div key={feature} className="card">
            <h2 className="font-semibold">{t(`features.${feature}.title`)}</h2>
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{t(`features.${feature}.body`)}</p>
          </div>
        ))}
      </section>
    </div>
  );
}
