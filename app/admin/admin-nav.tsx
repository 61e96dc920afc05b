"use client";

import { usePathname } from "next/navigation";
import { NavItem } from "@/app/ui/nav-links";

const LINKS = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/questions", label: "Questions" },
  { href: "/admin/decks", label: "Decks" },
  { href: "/admin/transfer", label: "Import & export" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/groups", label: "Groups" },
  { href: "/admin/settings", label: "Settings" },
  { href: "/admin/audit", label: "Audit log" },
];

/** The admin sub-navigation shown at the top of every admin page. */
export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin" className="flex flex-wrap gap-1 border-b border-slate-200 pb-2 dark:border-slate-800">
      {LINKS.map((link) => (
        <NavItem
          key={link.href}
          href={link.href}
          label={link.label}
          active={link.href === "/admin" ? pathname === "/admin" : pathname === link.href || pathname.startsWith(`${link.href}/`)}
        />
      ))}
    </nav>
  );
}
