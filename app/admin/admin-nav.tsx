"use client";

import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { NavItem } from "@/app/ui/nav-links";

const LINKS = [
  { href: "/admin", labelKey: "overview" },
  { href: "/admin/questions", labelKey: "questions" },
  { href: "/admin/decks", labelKey: "decks" },
  { href: "/admin/transfer", labelKey: "transfer" },
  { href: "/admin/users", labelKey: "users" },
  { href: "/admin/groups", labelKey: "groups" },
  { href: "/admin/settings", labelKey: "settings" },
  { href: "/admin/audit", labelKey: "audit" },
] as const;

/** The admin sub-navigation shown at the top of every admin page. */
export function AdminNav() {
  const t = useTranslations("admin.nav");
  const pathname = usePathname();
  return (
    <nav aria-label={t("label")} className="flex flex-wrap gap-1 border-b border-slate-200 pb-2 dark:border-slate-800">
      {LINKS.map((link) => (
        <NavItem
          key={link.href}
          href={link.href}
          label={t(link.labelKey)}
          active={link.href === "/admin" ? pathname === "/admin" : pathname === link.href || pathname.startsWith(`${link.href}/`)}
        />
      ))}
    </nav>
  );
}
