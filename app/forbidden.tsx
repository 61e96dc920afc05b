import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-md card space-y-3 text-center">
      <p className="text-sm font-semibold text-red-600 dark:text-red-400">403</p>
      <h1 className="text-2xl font-bold tracking-tight">Admins only</h1>
      <p className="text-slate-600 dark:text-slate-400">Your account does not have access to this page.</p>
      <Link href="/home" className="btn-primary">Back to your home</Link>
    </div>
  );
}
