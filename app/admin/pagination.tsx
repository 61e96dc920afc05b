import Link from "next/link";
import { useTranslations } from "next-intl";

/** Previous/next links that keep the other query parameters (search state lives in the URL). */
export function Pagination({ basePath, page, pageCount, params = {} }: { basePath: string; page: number; pageCount: number; params?: Record<string, string> }) {
  const t = useTranslations("admin.pagination");
  if (pageCount <= 1) return null;
  const href = (target: number) => {
    const query = new URLSearchParams({ ...params, page: String(target) });
    return `${basePath}?${query.toString()}`;
  };
  return (
    <nav aria-label={t("label")} className="flex items-center justify-between px-6 py-3 text-sm">
      {page > 1 ? <Link href={href(page - 1)} className="btn-ghost" rel="prev">{t("previous")}</Link> : <span />}
      <span className="text-slate-500 dark:text-slate-400">{t("pageOf", { page, pageCount })}</span>
      {page < pageCount ? <Link href={href(page + 1)} className="btn-ghost" rel="next">{t("next")}</Link> : <span />}
    </nav>
  );
}
