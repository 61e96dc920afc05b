import { useTranslations } from "next-intl";

export function RoleBadge({ role }: { role: "LEARNER" | "ADMIN" }) {
  const t = useTranslations("admin.badges");
  return (
    <span
      className={`rounded-full px-2 py-0.5 text-xs font-semibold ${
        role === "ADMIN" ? "bg-brand-100 text-brand-700 dark:bg-brand-700 dark:text-white" : "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300"
      }`}
    >
      {role === "ADMIN" ? t("admin") : t("learner")}
    </span>
  );
}

export function StatusBadge({ disabled }: { disabled: boolean }) {
  const t = useTranslations("admin.badges");
  return (
    <span
      className={`rounded-full px-2 py-0.5 text-xs font-semibold ${
        disabled ? "bg-red-100 text-red-700 dark:bg-red-950 dark:text-red-300" : "bg-emerald-100 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300"
      }`}
    >
      {disabled ? t("disabled") : t("active")}
    </span>
  );
}
