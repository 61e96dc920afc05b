"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { signOut } from "next-auth/react";
import { useCallback, useRef, useState } from "react";
import { useDismiss } from "./use-dismiss";

export function UserMenu({ name, email }: { name: string; email: string }) {
  const t = useTranslations("common");
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);

  useDismiss(open, close, root);

  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join("");

  return (
    <div ref={root} className="relative">
      <button
        type="button"
        className="btn-ghost gap-2 px-2"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
      >
        <span aria-hidden="true" className="flex size-8 items-center justify-center rounded-full bg-brand-100 text-xs font-bold text-brand-700 dark:bg-brand-700 dark:text-white">
          {initials || "?"}
        </span>
        <span className="hidden max-w-40 truncate sm:inline">{name}</span>
        <span className="sr-only">{t("userMenu.label")}</span>
      </button>
      {open && (
        <div role="menu" className="absolute right-0 mt-2 w-64 rounded-xl border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-800 dark:bg-slate-900">
          <div className="px-3 py-2">
            <p className="truncate text-sm font-medium">{name}</p>
            <p className="truncate text-xs text-slate-500 dark:text-slate-400">{email}</p>
          </div>
          <hr className="my-1 border-slate-200 dark:border-slate-800" />
          <Link role="menuitem" href="/settings" className="block rounded-md px-3 py-2 text-sm hover:bg-slate-100 dark:hover:bg-slate-800" onClick={() => setOpen(false)}>
            {t("userMenu.studySettings")}
          </Link>
          <Link role="menuitem" href="/account" className="block rounded-md px-3 py-2 text-sm hover:bg-slate-100 dark:hover:bg-slate-800" onClick={() => setOpen(false)}>
            {t("userMenu.accountSettings")}
          </Link>
          <Link role="menuitem" href="/account/data" className="block rounded-md px-3 py-2 text-sm hover:bg-slate-100 dark:hover:bg-slate-800" onClick={() => setOpen(false)}>
            {t("userMenu.importExport")}
          </Link>
          <button
            role="menuitem"
            type="button"
            disabled={signingOut}
            className="block w-full rounded-md px-3 py-2 text-left text-sm hover:bg-slate-100 disabled:opacity-60 dark:hover:bg-slate-800"
            onClick={async () => {
              setSigningOut(true);
              await signOut({ callbackUrl: "/login?loggedOut=1" });
            }}
          >
            {signingOut ? t("userMenu.loggingOut") : t("userMenu.logOut")}
          </button>
        </div>
      )}
    </div>
  );
}
