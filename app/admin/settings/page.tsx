import type { Metadata } from "next";
import { getRegistrationMode } from "@/lib/admin/settings";
import { requireAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { AdminNav } from "../admin-nav";
import { InviteForm } from "./invite-form";
import { RegistrationModeForm } from "./registration-mode-form";

export const metadata: Metadata = { title: "Settings · Admin" };

export default async function AdminSettingsPage() {
  await requireAdmin("/admin/settings");
  const envDefault = serverEnv().REGISTRATION_MODE;
  const mode = await getRegistrationMode(getDb(), envDefault);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Instance settings</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">Who can create an account on this Receptive.</p>
      </div>
      <AdminNav />
      <section className="card space-y-4">
        <h2 className="font-semibold">Registration mode</h2>
        <RegistrationModeForm initial={mode} envDefault={envDefault} />
      </section>
      <section className="card space-y-4">
        <div>
          <h2 className="font-semibold">Invite codes</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            A code lets one person register while registration is invite only. Share the link; the code is not stored and cannot be shown again.
          </p>
        </div>
        <InviteForm />
      </section>
    </div>
  );
}
