import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Home" };

export default async function HomePage() {
  const user = await requireUser("/home");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Welcome, {user.name}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">This is your study home.</p>
      </div>
      <section className="card">
        <h2 className="font-semibold">Nothing to study yet</h2>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          The question bank and daily reviews will appear here once an administrator has loaded decks. Until
          then, check your account settings or come back later.
        </p>
      </section>
    </div>
  );
}
