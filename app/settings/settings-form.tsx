"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { saveStudySettingsAction } from "./actions";

interface Initial {
  desiredRetention: number;
  newCardsPerDay: number;
  reviewsPerDay: number;
  timeZone: string;
  dayStartHour: number;
  learningSteps: string;
  relearningSteps: string;
  maximumIntervalDays: number;
  enableFuzz: boolean;
  studyDeckIds: string[];
}

function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return errors?.length ? <p id={id} role="alert" className="field-error">{errors.join(" ")}</p> : null;
}

export function SettingsForm({ initial, decks, timeZones }: { initial: Initial; decks: Array<{ id: string; title: string; count: number }>; timeZones: string[] }) {
  const t = useTranslations("settings.form");
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [allDecks, setAllDecks] = useState(initial.studyDeckIds.length === 0);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const steps = (name: string) => String(data.get(name) ?? "").split(/[\s,]+/).filter(Boolean);
    const input = {
      desiredRetention: Number(data.get("desiredRetention")) / 100,
      newCardsPerDay: Number(data.get("newCardsPerDay")),
      reviewsPerDay: Number(data.get("reviewsPerDay")),
      timeZone: String(data.get("timeZone") ?? ""),
      dayStartHour: Number(data.get("dayStartHour")),
      learningSteps: steps("learningSteps"),
      relearningSteps: steps("relearningSteps"),
      maximumIntervalDays: Number(data.get("maximumIntervalDays")),
      enableFuzz: data.get("enableFuzz") === "on",
      studyDeckIds: allDecks ? [] : data.getAll("studyDeckIds").map(String),
    };
    setPending(true);
    setMessage(null);
    try {
      const result = await saveStudySettingsAction(input);
      setErrors(result.fieldErrors ?? {});
      setMessage({ ok: result.ok, text: result.message ?? (result.ok ? t("saved") : t("notSaved")) });
    } catch {
      setMessage({ ok: false, text: t("networkError") });
    } finally {
      setPending(false);
    }
  }

  const described = (name: string) => (errors[name]?.length ? `${name}-error` : undefined);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <section className="card space-y-4">
        <h2 className="font-semibold">{t("dailyLimits")}</h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="newCardsPerDay" className="field-label">{t("newCardsPerDay")}</label>
            <input id="newCardsPerDay" name="newCardsPerDay" type="number" min={0} max={1000} defaultValue={initial.newCardsPerDay} className="field-input" aria-describedby={described("newCardsPerDay")} />
            <FieldError id="newCardsPerDay-error" errors={errors.newCardsPerDay} />
          </div>
          <div>
            <label htmlFor="reviewsPerDay" className="field-label">{t("reviewsPerDay")}</label>
            <input id="reviewsPerDay" name="reviewsPerDay" type="number" min={0} max={10000} defaultValue={initial.reviewsPerDay} className="field-input" aria-describedby={described("reviewsPerDay")} />
            <FieldError id="reviewsPerDay-error" errors={errors.reviewsPerDay} />
          </div>
        </div>
      </section>

      <section className="card space-y-4">
        <h2 className="font-semibold">{t("scheduler")}</h2>
        <div>
          <label htmlFor="desiredRetention" className="field-label">{t("desiredRetention")}</label>
          <input id="desiredRetention" name="desiredRetention" type="number" min={70} max={99} step={1} defaultValue={Math.round(initial.desiredRetention * 100)} className="field-input" aria-describedby={`desiredRetention-hint ${described("desiredRetention") ?? ""}`} />
          <p id="desiredRetention-hint" className="mt-1 text-xs text-slate-500 dark:text-slate-400">{t("desiredRetentionHint")}</p>
          <FieldError id="desiredRetention-error" errors={errors.desiredRetention} />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="learningSteps" className="field-label">{t("learningSteps")}</label>
            <input id="learningSteps" name="learningSteps" defaultValue={initial.learningSteps} className="field-input font-mono" aria-describedby="learningSteps-hint" />
            <p id="learningSteps-hint" className="mt-1 text-xs text-slate-500 dark:text-slate-400">{t.rich("stepsHint", { code: (chunks) => <code>{chunks}</code> })}</p>
            <FieldError id="learningSteps-error" errors={errors.learningSteps ?? Object.entries(errors).filter(([key]) => key.startsWith("learningSteps.")).flatMap(([, value]) => value)} />
          </div>
          <div>
            <label htmlFor="relearningSteps" className="field-label">{t("relearningSteps")}</label>
            <input id="relearningSteps" name="relearningSteps" defaultValue={initial.relearningSteps} className="field-input font-mono" />
            <FieldError id="relearningSteps-error" errors={errors.relearningSteps ?? Object.entries(errors).filter(([key]) => key.startsWith("relearningSteps.")).flatMap(([, value]) => value)} />
          </div>
          <div>
            <label htmlFor="maximumIntervalDays" className="field-label">{t("maximumInterval")}</label>
            <input id="maximumIntervalDays" name="maximumIntervalDays" type="number" min={1} max={36500} defaultValue={initial.maximumIntervalDays} className="field-input" />
            <FieldError id="maximumIntervalDays-error" errors={errors.maximumIntervalDays} />
          </div>
          <label className="flex items-center gap-2 self-end pb-2 text-sm">
            <input type="checkbox" name="enableFuzz" defaultChecked={initial.enableFuzz} className="size-4 accent-brand-600" />
            {t("fuzz")}
          </label>
        </div>
      </section>

      <section className="card space-y-4">
        <h2 className="font-semibold">{t("yourDay")}</h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="timeZone" className="field-label">{t("timeZone")}</label>
            <select id="timeZone" name="timeZone" defaultValue={initial.timeZone} className="field-input">
              {(timeZones.includes(initial.timeZone) ? timeZones : [initial.timeZone, ...timeZones]).map((zone) => (
                <option key={zone} value={zone}>{zone}</option>
              ))}
            </select>
            <FieldError id="timeZone-error" errors={errors.timeZone} />
          </div>
          <div>
            <label htmlFor="dayStartHour" className="field-label">{t("dayStart")}</label>
            <select id="dayStartHour" name="dayStartHour" defaultValue={initial.dayStartHour} className="field-input">
              {Array.from({ length: 24 }, (_, hour) => (
                <option key={hour} value={hour}>{`${String(hour).padStart(2, "0")}:00`}</option>
              ))}
            </select>
          </div>
        </div>
      </section>

      <section className="card space-y-3">
        <h2 className="font-semibold">{t("decksYouStudy")}</h2>
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" checked={allDecks} onChange={(event) => setAllDecks(event.target.checked)} className="size-4 accent-brand-600" />
          {t("allDecks")}
        </label>
        <fieldset disabled={allDecks} className="grid gap-2 disabled:opacity-50 sm:grid-cols-2">
          <legend className="sr-only">{t("decks")}</legend>
          {decks.map((deck) => (
            <label key={deck.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="studyDeckIds" value={deck.id} defaultChecked={initial.studyDeckIds.includes(deck.id)} className="size-4 accent-brand-600" />
              {deck.title} <span className="text-xs text-slate-500">({deck.count})</span>
            </label>
          ))}
        </fieldset>
      </section>

      <div className="flex items-center gap-3">
        <button type="submit" className="btn-primary" disabled={pending}>{pending ? t("saving") : t("save")}</button>
        {message && <p role="status" className={message.ok ? "text-sm text-emerald-700 dark:text-emerald-300" : "text-sm text-red-700 dark:text-red-300"}>{message.text}</p>}
      </div>
    </form>
  );
}
