"use client";

import { useEffect } from "react";

// Shown for unexpected server or render errors: a plain message and a retry, never the error's details.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="mx-auto max-w-md card space-y-3 text-center" role="alert">
      <h1 className="text-2xl font-bold tracking-tight">Something went wrong</h1>
      <p className="text-slate-600 dark:text-slate-400">
        We could not load this page. Try again; if it keeps happening, tell your administrator
        {error.digest ? ` (reference ${error.digest})` : ""}.
      </p>
      <button type="button" className="btn-primary" onClick={reset}>Try again</button>
    </div>
  );
}
