import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { questionLanguageForRequest } from "@/app/content-language";
import { serverMessageTranslator } from "@/app/server-messages";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { describeGroupInvite, INVITE_INVALID_MESSAGE, type InvitePreview } from "@/lib/groups/service";
import { JoinGroupForm } from "./join-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("groups.join");
  return { title: t("metaTitle"), referrer: "no-referrer" };
}

/** The page behind a group invite link; the code in the URL is the credential, so it is never sent on as a referrer. */
export default async function JoinGroupPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const user = await requireUser(`/join/${encodeURIComponent(code)}`);
  const db = getDb();
  const { language, script } = await questionLanguageForRequest();
  let preview: InvitePreview | null = null;
  // Codes outside the length joinGroup accepts are invalid whatever the database holds.
  if (code.length >= 10 && code.length <= 100) {
    try {
      preview = await describeGroupInvite(db, user.id, code, new Date(), language);
    } catch (error) {
      if (!isAppError(error) || error.code !== "NOT_FOUND") throw error;
    }
  }
  const memberGroupId = preview?.memberGroupId ?? undefined;
  const [t, tList, server] = await Promise.all([getTranslations("groups.join"), getTranslations("groups.list"), serverMessageTranslator()]);

  return (
    <div className="mx-auto max-w-md">
      <div className="card space-y-6">
        {!preview ? (
          <>
            <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
            <p className="alert-error" role="status">
              {server.message(INVITE_INVALID_MESSAGE)} {t("askForNew")}
            </p>
            <Link href="/groups" className="btn-secondary">{t("yourGroups")}</Link>
          </>
        ) : (
          <>
            <div>
              <p className="text-sm font-medium text-slate-500 dark:text-slate-400">{t("invited")}</p>
              <h1 className="text-2xl font-bold tracking-tight break-words">{preview.groupName}</h1>
              {preview.description && <p className="mt-1 break-words text-slate-600 dark:text-slate-400">{preview.description}</p>}
              <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
                {tList("memberCount", { count: preview.memberCount })}
              </p>
            </div>
            <div>
              <h2 className="text-sm font-semibold">{t("decks")}</h2>
              {preview.decks.length === 0 ? (
                <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("noDecks")}</p>
              ) : (
                <ul className="mt-1 list-inside list-disc text-sm text-slate-700 dark:text-slate-300">
                  {preview.decks.map((deck) => (
                    <li key={deck}>{script(deck, language)}</li>
                  ))}
                </ul>
              )}
            </div>
            {preview.alreadyMember ? (
              <div className="space-y-3">
                <p className="alert-success" role="status">{t("alreadyMember")}</p>
                <Link href={memberGroupId ? `/groups/${memberGroupId}` : "/groups"} className="btn-primary">{t("open")}</Link>
              </div>
            ) : (
              <JoinGroupForm code={code} hasDecks={preview.decks.length > 0} />
            )}
          </>
        )}
      </div>
    </div>
  );
}
