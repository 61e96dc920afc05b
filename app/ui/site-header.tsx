import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { LocaleSwitcher } from "./locale-switcher";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";
import { NavLinks } from "./nav-links";

export async function SiteHeader() {
  const [user, t] = await Promise.all([getCurrentUser(), getTranslations("common")]);
  const links = user
    ? [
        { href: "/home", label: t("nav.home") },
        { href: "/study", label: t("nav.study") },
        { href: "/decks", label: t("nav.decks") },
        { href: "/stats", label: t("nav.stats") },
        { href: "/groups", label: t("nav.groups") },
        { href: "/practice", label: t("nav.practice") },
        { href: "/analyzer", label: t("nav.analyzer") },
        ...(user.role === "ADMIN" ? [{ href: "/admin", label: t("nav.admin") }] : []),
      ]
    : [{ href: "/analyzer", label: t("nav.analyzer") }];
  return (
    <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/85 backdrop-blur dark:border-slate-800 dark:bg-slate-950/85">
      <div className="mx-auto flex h-14 w-full max-w-5xl items-center gap-3 px-4 sm:px-6">
        <Link href={user ? "/home" : "/"} className="flex items-center gap-2 font-semibold tracking-tight">
          <Logo />
          <span>Receptive</span>
        </Link>
        <NavLinks links={links} />
        <div className="ml-auto flex items-center gap-1">
          <LocaleSwitcher />
          <ThemeToggle />
          {user ? (
            <UserMenu name={user.name} email={user.email} />
          ) : (
            <>
              <Link href="/login" className="btn-ghost">{t("logIn")}</Link>
              <Link href="/register" className="btn-primary hidden sm:inline-flex">{t("signUp")}</Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}

function Logo() {
  // Three nested squares: a receptive field growing through stacked 3×3 layers.
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6 text-brand-600 dark:text-brand-500">
      <rect x="2" y="2" width="20" height="20" rx="4" fill="none" stroke="currentColor" strokeWidth="2" />
      <rect x="7" y="7" width="10" height="10" rx="2" fill="none" stroke="currentColor" strokeWidth="2" />
      <rect x="10.5" y="10.5" width="3" height="3" fill="currentColor" />
    </svg>
  );
}
