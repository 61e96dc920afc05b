import { useTranslations } from "next-intl";
import type { QuestionKind } from "@/lib/bank/queries";

export function KindBadge({ kind }: { kind: QuestionKind }) {
  const t = useTranslations("common");
  const colours: Record<QuestionKind, string> = {
    FLASHCARD: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-200",
    MULTIPLE_CHOICE: "bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-200",
    NUMERIC: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200",
  };
  return <span className={`rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${colours[kind]}`}>{t(`questionKind.${kind}`)}</span>;
}

/** Difficulty 1–5 as filled dots, with the number for screen readers. */
export function DifficultyDots({ value }: { value: number }) {
  const t = useTranslations("common");
  const label = t("difficulty", { value });
  return (
    <span className="inline-flex items-center gap-0.5" title={label}>
      <span className="sr-only">{label}</span>
      {[1, 2, 3, 4, 5].map((dot) => (
        <span key={dot} aria-hidden="true" className={`size-1.5 rounded-full ${dot <= value ? "bg-slate-600 dark:bg-slate-300" : "bg-slate-300 dark:bg-slate-700"}`} />
      ))}
    </span>
  );
}

export function TagChip({ tag }: { tag: string }) {
  return <span className="rounded-md bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300">#{tag}</span>;
}
