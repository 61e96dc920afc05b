import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NETWORK_PRESETS } from "@/lib/calc";
import { NetworkAnalyzer } from "./network-analyzer";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("analyzer");
  return { title: t("metaTitle"), description: t("metaDescription") };
}

export default async function AnalyzerPage() {
  const t = await getTranslations("analyzer");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-slate-600 dark:text-slate-400">{t("intro")}</p>
      </div>
      <NetworkAnalyzer presets={NETWORK_PRESETS.map((preset) => ({ id: preset.id, label: preset.label }))} />
    </div>
  );
}
