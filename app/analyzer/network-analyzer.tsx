"use client";

import { useLocale, useTranslations } from "next-intl";
import { useDeferredValue, useMemo, useState } from "react";
import { NETWORK_PRESETS, analyzeNetwork, bytesPerElement, type DType, type NetworkAnalysis } from "@/lib/calc";
import { formatBytes, formatCompact, formatCount } from "@/lib/format";
import { useServerMessage } from "@/app/ui/use-server-message";
import { LayerChart } from "./layer-chart";

/** A failure is described by its kind; the component words it in the interface language. */
type Result =
  | { ok: true; analysis: NetworkAnalysis }
  | { ok: false; reason: "tooLong" }
  | { ok: false; reason: "invalidJson" | "invalidSpec"; detail: string };

const MAX_SPEC_CHARACTERS = 500_000;
const DTYPES: DType[] = ["fp32", "fp16", "bf16", "int8"];

/** Parses and analyses the edited spec; every failure becomes a result, never an exception. */
function analyse(text: string): Result {
  if (text.length > MAX_SPEC_CHARACTERS) return { ok: false, reason: "tooLong" };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // The browser's own parser message, in the browser's language.
    return { ok: false, reason: "invalidJson", detail: error instanceof Error ? error.message : String(error) };
  }
  try {
    return { ok: true, analysis: analyzeNetwork(value as never) };
  } catch (error) {
    return { ok: false, reason: "invalidSpec", detail: error instanceof Error ? error.message : String(error) };
  }
}

function specText(id: string): string {
  const preset = NETWORK_PRESETS.find((candidate) => candidate.id === id);
  return preset ? JSON.stringify(preset.spec, null, 2) : "";
}

export function NetworkAnalyzer({ presets }: { presets: Array<{ id: string; label: string }> }) {
  const t = useTranslations("analyzer");
  const locale = useLocale();
  const serverMessage = useServerMessage();
  const [presetId, setPresetId] = useState(presets[0]?.id ?? "");
  const [text, setText] = useState(() => specText(presets[0]?.id ?? ""));
  const [dtype, setDtype] = useState<DType>("fp32");
  const [batch, setBatch] = useState(1);
  const deferredText = useDeferredValue(text);
  const result = useMemo(() => analyse(deferredText), [deferredText]);
  const bytes = bytesPerElement(dtype) * batch;
  const errorText = result.ok
    ? null
    : result.reason === "tooLong"
      ? t("errors.tooLong", { max: formatCount(MAX_SPEC_CHARACTERS, locale) })
      : result.reason === "invalidJson"
        ? t("errors.invalidJson", { detail: result.detail })
        : serverMessage(result.detail);

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
      <section aria-labelledby="spec-heading" className="card space-y-4 p-4">
        <h2 id="spec-heading" className="font-semibold">{t("network")}</h2>
        <div className="grid gap-3 sm:grid-cols-3">
          <div className="sm:col-span-3">
            <label htmlFor="preset" className="field-label">{t("preset")}</label>
            <select
              id="preset"
              className="field-input"
              value={presetId}
              onChange={(event) => {
                setPresetId(event.target.value);
                setText(specText(event.target.value));
              }}
            >
              {presets.map((preset) => (
                <option key={preset.id} value={preset.id}>{preset.label}</option>
              ))}
              {presetId === "custom" && <option value="custom">{t("editedSpec")}</option>}
            </select>
          </div>
          <div>
            <label htmlFor="dtype" className="field-label">{t("dataType")}</label>
            <select id="dtype" className="field-input" value={dtype} onChange={(event) => setDtype(event.target.value as DType)}>
              {DTYPES.map((option) => (
                <option key={option} value={option}>{t("dtypeOption", { dtype: option, bytes: bytesPerElement(option) })}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="batch" className="field-label">{t("batchSize")}</label>
            <input
              id="batch"
              type="number"
              min={1}
              max={4096}
              className="field-input"
              value={batch}
              onChange={(event) => setBatch(Math.min(4096, Math.max(1, Math.floor(Number(event.target.value) || 1))))}
            />
          </div>
        </div>
        <div>
          <label htmlFor="spec" className="field-label">{t("layerList")}</label>
          <textarea
            id="spec"
            spellCheck={false}
            className="field-input h-96 font-mono text-xs leading-5"
            value={text}
            aria-invalid={!result.ok}
            aria-describedby={result.ok ? undefined : "spec-error"}
            onChange={(event) => {
              setText(event.target.value);
              setPresetId("custom");
            }}
          />
          {!result.ok && (
            <p id="spec-error" role="alert" className="field-error break-words">{errorText}</p>
          )}
        </div>
      </section>

      <section aria-labelledby="result-heading" className="min-w-0 space-y-4">
        <h2 id="result-heading" className="sr-only">{t("analysis")}</h2>
        {result.ok ? (
          <AnalysisView analysis={result.analysis} bytesPerActivation={bytes} dtype={dtype} batch={batch} />
        ) : (
          <div className="card text-sm text-slate-600 dark:text-slate-400">{t("fixSpec")}</div>
        )}
      </section>
    </div>
  );
}

function AnalysisView({ analysis, bytesPerActivation, dtype, batch }: { analysis: NetworkAnalysis; bytesPerActivation: number; dtype: DType; batch: number }) {
  const t = useTranslations("analyzer");
  const locale = useLocale();
  const { totals, layers } = analysis;
  const stats = [
    {
      id: "params",
      label: t("stats.params"),
      value: formatCount(totals.params, locale),
      hint: t("stats.paramsHint", { compact: formatCompact(totals.params, locale), buffers: formatCount(totals.buffers, locale) }),
    },
    { id: "macs", label: t("stats.macs"), value: formatCompact(totals.macs, locale), hint: t("stats.macsHint", { flops: formatCompact(totals.flops, locale) }) },
    { id: "paramMemory", label: t("stats.paramMemory"), value: formatBytes(totals.params * 4), hint: t("stats.paramMemoryHint") },
    {
      id: "activations",
      label: t("stats.activations"),
      value: formatBytes(totals.activationElements * bytesPerActivation),
      hint: t("stats.activationsHint", { dtype, batch }),
    },
  ];
  const last = layers.at(-1);
  return (
    <>
      <dl className="grid grid-cols-2 gap-3 xl:grid-cols-4">
        {stats.map((stat) => (
          <div key={stat.id} className="card p-4">
            <dt className="text-xs font-medium text-slate-500 uppercase dark:text-slate-400">{stat.label}</dt>
            <dd className="mt-1 text-lg font-semibold tabular-nums">{stat.value}</dd>
            <dd className="text-xs text-slate-500 dark:text-slate-400">{stat.hint}</dd>
          </div>
        ))}
      </dl>
      <LayerChart layers={layers} />
      <div className="card overflow-hidden p-0">
        <div className="max-h-[36rem] overflow-auto">
          <table className="w-full text-left text-xs tabular-nums">
            <caption className="px-4 pt-3 pb-2 text-left text-sm font-semibold">
              {last ? t("table.captionWithOutput", { count: layers.length, shape: last.outputShape.join(" × ") }) : t("table.caption", { count: layers.length })}
            </caption>
            <thead className="sticky top-0 bg-slate-50 text-slate-500 dark:bg-slate-950 dark:text-slate-400">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">{t("table.layer")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("table.type")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("table.output")}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t("table.params")}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t("table.macs")}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t("table.activation")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {layers.map((layer) => (
                <tr key={layer.path}>
                  <td className="px-3 py-1.5 font-mono break-all">{layer.path}</td>
                  <td className="px-3 py-1.5">{layer.type}</td>
                  <td className="px-3 py-1.5 whitespace-nowrap">{layer.outputShape.join("×")}</td>
                  <td className="px-3 py-1.5 text-right">{layer.params ? formatCount(layer.params, locale) : "–"}</td>
                  <td className="px-3 py-1.5 text-right">{layer.macs ? formatCompact(layer.macs, locale) : "–"}</td>
                  <td className="px-3 py-1.5 text-right whitespace-nowrap">{formatBytes(layer.activationElements * bytesPerActivation)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </>
  );
}
