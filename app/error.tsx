"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";

// Shown for unexpected server or render errors: a plain message and a retry, never the error's details.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common.errorPage");
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="mx-auto max-w-md card space-y-3 text-center" role="alert">
      <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
      <p className="text-slate-600 dark:text-slate-400">
        {error.digest ? t("bodyWithReference", { reference: error.digest }) : t("body")}
      </p>
      <button type="button" className="btn-primary" onClick={reset}>{t("tryAgain")}</button>
    </div>
  );
}
