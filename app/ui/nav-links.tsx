"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { useCallback, useRef, useState } from "react";
import { useDismiss } from "./use-dismiss";

interface NavLink {
  href: string;
  label: string;
}

function isActive(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** One link of a horizontal navigation bar, highlighted when it is the current page. */
export function NavItem({ href, label, active }: NavLink & { active: boolean }) {
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap ${
        active
          ? "bg-slate-100 text-slate-900 dark:bg-slate-800 dark:text-white"
          : "text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white"
      }`}
    >
      {label}
    </Link>
  );
}

/** Inline links from the small breakpoint up; a menu button on phones, where five links do not fit. */
export function NavLinks({ links }: { links: NavLink[] }) {
  const t = useTranslations("common");
  const pathname = usePathname();
  if (links.length === 0) return null;
  return (
    <>
      <nav aria-label={t("nav.main")} className="ml-2 hidden items-center gap-1 sm:flex">
        {links.map((link) => (
          <NavItem key={link.href} href={link.href} label={link.label} active={isActive(pathname, link.href)} />
        ))}
      </nav>
      <MobileMenu links={links} pathname={pathname} />
    </>
  );
}

function MobileMenu({ links, pathname }: { links: NavLink[]; pathname: string }) {
  const t = useTranslations("common");
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  const current = links.find((link) => isActive(pathname, link.href));

  useDismiss(open, close, root);

  return (
    <div ref={root} className="relative sm:hidden">
      <button type="button" className="btn-ghost px-2.5" aria-expanded={open} aria-controls="mobile-nav" onClick={() => setOpen((value) => !value)}>
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          <path d="M4 6h16M4 12h16M4 18h16" />
        </svg>
        <span>{current?.label ?? t("nav.menu")}</span>
      </button>
      {open && (
        <nav id="mobile-nav" aria-label={t("nav.main")} className="absolute left-0 mt-2 w-48 rounded-xl border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-800 dark:bg-slate-900">
          {links.map((link) => (
            <Link
              key={link.href}
              href={link.href}
              aria-current={isActive(pathname, link.href) ? "page" : undefined}
              className="block rounded-md px-3 py-2 text-sm aria-[current=page]:font-semibold hover:bg-slate-100 dark:hover:bg-slate-800"
              onClick={() => setOpen(false)}
            >
              {link.label}
            </Link>
          ))}
        </nav>
      )}
    </div>
  );
}
