"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { CopyField } from "@/app/admin/copy-field";
import { FormField } from "@/app/ui/form-field";
import { createInviteAction, revokeInviteAction } from "../actions";
import { BUSY, NETWORK_ERROR, SMALL_BUTTON, StatusMessage, type Message } from "@/app/ui/form-bits";

const dateTimeFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

export interface OpenInvite {
  id: string;
  uses: number;
  maxUses: number;
  /** Formatted on the server, so the first render matches after hydration. */
  expiresLabel: string;
  createdLabel: string;
}

/** Creates an invite link (shown once: only its hash is stored) and lists the open ones with Revoke. */
export function InvitePanel({ groupId, invites }: { groupId: string; invites: OpenInvite[] }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [created, setCreated] = useState<{ link: string; expiresAt: string; maxUses: number } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    setPending(true);
    setMessage(null);
    setCreated(null);
    try {
      const result = await createInviteAction({ groupId, validDays: data.get("validDays"), maxUses: data.get("maxUses") });
      setFieldErrors(result.fieldErrors ?? {});
      if (result.ok && result.data) {
        setCreated({ link: `${window.location.origin}${result.data.path}`, expiresAt: result.data.expiresAt, maxUses: result.data.maxUses });
        router.refresh();
      } else {
        setMessage({ ok: false, text: result.message ?? "The invite was not created." });
      }
    } catch {
      setMessage({ ok: false, text: NETWORK_ERROR });
    } finally {
      setPending(false);
    }
  }

  async function revoke(inviteId: string) {
    if (pending) return;
    setPending(true);
    setMessage(null);
    try {
      const result = await revokeInviteAction({ groupId, inviteId });
      setMessage({ ok: result.ok, text: result.message ?? (result.ok ? "Invite revoked." : "The invite was not revoked.") });
      if (result.ok) router.refresh();
    } catch {
      setMessage({ ok: false, text: NETWORK_ERROR });
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-5">
      <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-[9rem_9rem_auto] sm:items-start">
        <FormField id="invite-valid-days" name="validDays" label="Valid for (days)" type="number" inputMode="numeric" min={1} max={90} defaultValue={7} required errors={fieldErrors.validDays} />
        <FormField id="invite-max-uses" name="maxUses" label="Number of uses" type="number" inputMode="numeric" min={1} max={1000} defaultValue={10} required errors={fieldErrors.maxUses} />
        <button type="submit" className={`btn-primary sm:mt-6 ${BUSY}`} aria-disabled={pending || undefined}>{pending ? "Creating…" : "Create invite link"}</button>
      </form>
      <div role="status" aria-live="polite">
        {created && (
          <div className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
            <p className="text-sm">
              Invite link created: it works for {created.maxUses === 1 ? "one person" : `${created.maxUses} people`} until{" "}
              {dateTimeFormat.format(new Date(created.expiresAt))}. Copy it now: it is shown only once.
            </p>
            <CopyField label="Invite link" value={created.link} hint="Anyone with an account who opens it can join." />
          </div>
        )}
      </div>
      <StatusMessage message={message} />
      <div>
        <h3 className="text-sm font-semibold">Open invites</h3>
        {invites.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">No open invites.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
            {invites.map((invite) => (
              <li key={invite.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
                <span>
                  Used {invite.uses} of {invite.maxUses} · expires {invite.expiresLabel}
                  <span className="block text-xs text-slate-500 dark:text-slate-400">Created {invite.createdLabel}</span>
                </span>
                <button
                  type="button"
                  className={SMALL_BUTTON}
                  aria-disabled={pending || undefined}
                  onClick={() => void revoke(invite.id)}
                  aria-label={`Revoke the invite created ${invite.createdLabel}, expiring ${invite.expiresLabel}`}
                >
                  Revoke
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
