import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-md card space-y-3 text-center">
      <p className="text-sm font-semibold text-slate-500">404</p>
      <h1 className="text-2xl font-bold tracking-tight">Page not found</h1>
      <p className="text-slate-600 dark:text-slate-400">The page you asked for does not exist or was moved.</p>
      <Link href="/" className="btn-primary">Go to the start page</Link>
    </div>
  );
}
