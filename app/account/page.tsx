import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireUser("/account");
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Account settings</h1>
      <section className="card space-y-1">
        <h2 className="font-semibold">Profile</h2>
        <dl className="grid grid-cols-[7rem_1fr] gap-y-1 text-sm">
          <dt className="text-slate-500 dark:text-slate-400">Name</dt>
          <dd>{user.name}</dd>
          <dt className="text-slate-500 dark:text-slate-400">Email</dt>
          <dd className="break-all">{user.email}</dd>
          <dt className="text-slate-500 dark:text-slate-400">Role</dt>
          <dd>{user.role === "ADMIN" ? "Administrator" : "Learner"}</dd>
        </dl>
      </section>
      <section className="card space-y-4">
        <div>
          <h2 className="font-semibold">Change password</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            You will be logged out on every device and asked to log in with the new password.
          </p>
        </div>
        <ChangePasswordForm />
      </section>
    </div>
  );
}
