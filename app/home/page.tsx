import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { loadStudySettings } from "@/lib/study/settings";
import { getQueueOverview } from "@/lib/study/service";
import { TimeZoneReporter } from "@/app/ui/time-zone-reporter";
import { Dashboard, DashboardSkeleton } from "./dashboard";

export const metadata: Metadata = { title: "Home" };

export default async function HomePage() {
  const user = await requireUser("/home");
  const db = getDb();
  const settings = await loadStudySettings(db, user.id);
  const overview = await getQueueOverview(db, user.id, settings, new Date());
  const due = overview.counts.new + overview.counts.learning + overview.counts.review;
  return (
    <div className="space-y-6">
      {!settings.timeZoneConfirmed && <TimeZoneReporter />}
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">Welcome, {user.name}</h1>
          <p className="mt-1 text-slate-600 dark:text-slate-400">
            {due > 0
              ? `${overview.counts.review} to review, ${overview.counts.learning} in learning and ${overview.counts.new} new cards are waiting.`
              : "Nothing is due right now."}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {due > 0 && <Link href="/study?start=1" className="btn-primary">Study now</Link>}
          <Link href="/practice" className="btn-secondary">Numeric practice</Link>
        </div>
      </div>
      <Suspense fallback={<DashboardSkeleton />}>
        <Dashboard userId={user.id} settings={settings} />
      </Suspense>
    </div>
  );
}
