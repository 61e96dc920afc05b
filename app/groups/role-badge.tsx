import { useTranslations } from "next-intl";
import type { GroupRoleName } from "@/lib/groups/permissions";

export function GroupRoleBadge({ role }: { role: GroupRoleName }) {
  const t = useTranslations("groups.roles");
  const colours: Record<GroupRoleName, string> = {
    OWNER: "bg-brand-100 text-brand-700 dark:bg-brand-700 dark:text-white",
    MODERATOR: "bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-200",
    MEMBER: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
  };
  return <span className={`rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${colours[role]}`}>{t(role)}</span>;
}
