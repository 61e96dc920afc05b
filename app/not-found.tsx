import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("common.notFound");
  return (
    <div className="mx-auto max-w-md card space-y-3 text-center">
      <p className="text-sm font-semibold text-slate-500">404</p>
      <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
      <p className="text-slate-600 dark:text-slate-400">{t("body")}</p>
      <Link href="/" className="btn-primary">{t("home")}</Link>
    </div>
  );
}
