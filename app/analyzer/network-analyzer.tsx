"use client";

import { useDeferredValue, useMemo, useState } from "react";
import { NETWORK_PRESETS, analyzeNetwork, bytesPerElement, type DType, type NetworkAnalysis } from "@/lib/calc";
import { formatBytes, formatCompact, formatCount } from "@/lib/format";
import { LayerChart } from "./layer-chart";

type Result = { ok: true; analysis: NetworkAnalysis } | { ok: false; error: string };

const MAX_SPEC_CHARACTERS = 500_000;

/** Parses and analyses the edited spec; every failure becomes a message, never an exception. */
function analyse(text: string): Result {
  if (text.length > MAX_SPEC_CHARACTERS) return { ok: false, error: `The spec is too long (over ${formatCount(MAX_SPEC_CHARACTERS)} characters).` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  try {
    return { ok: true, analysis: analyzeNetwork(value as never) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function specText(id: string): string {
  const preset = NETWORK_PRESETS.find((candidate) => candidate.id === id);
  return preset ? JSON.stringify(preset.spec, null, 2) : "";
}

export function NetworkAnalyzer({ presets }: { presets: Array<{ id: string; label: string }> }) {
  const [presetId, setPresetId] = useState(presets[0]?.id ?? "");
  const [text, setText] = useState(() => specText(presets[0]?.id ?? ""));
  const [dtype, setDtype] = useState<DType>("fp32");
  const [batch, setBatch] = useState(1);
  const deferredText = useDeferredValue(text);
  const result = useMemo(() => analyse(deferredText), [deferredText]);
  const bytes = bytesPerElement(dtype) * batch;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
      <section aria-labelledby="spec-heading" className="card space-y-4 p-4">
        <h2 id="spec-heading" className="font-semibold">Network</h2>
        <div className="grid gap-3 sm:grid-cols-3">
          <div className="sm:col-span-3">
            <label htmlFor="preset" className="field-label">Preset</label>
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
              {presetId === "custom" && <option value="custom">Edited spec</option>}
            </select>
          </div>
          <div>
            <label htmlFor="dtype" className="field-label">Data type</label>
            <select id="dtype" className="field-input" value={dtype} onChange={(event) => setDtype(event.target.value as DType)}>
              <option value="fp32">fp32 (4 B)</option>
              <option value="fp16">fp16 (2 B)</option>
              <option value="bf16">bf16 (2 B)</option>
              <option value="int8">int8 (1 B)</option>
            </select>
          </div>
          <div>
            <label htmlFor="batch" className="field-label">Batch size</label>
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
          <label htmlFor="spec" className="field-label">Layer list (JSON)</label>
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
            <p id="spec-error" role="alert" className="field-error break-words">{result.error}</p>
          )}
        </div>
      </section>

      <section aria-labelledby="result-heading" className="min-w-0 space-y-4">
        <h2 id="result-heading" className="sr-only">Analysis</h2>
        {result.ok ? (
          <AnalysisView analysis={result.analysis} bytesPerActivation={bytes} dtype={dtype} batch={batch} />
        ) : (
          <div className="card text-sm text-slate-600 dark:text-slate-400">Fix the spec to see the analysis.</div>
        )}
      </section>
    </div>
  );
}

function AnalysisView({ analysis, bytesPerActivation, dtype, batch }: { analysis: NetworkAnalysis; bytesPerActivation: number; dtype: DType; batch: number }) {
  const { totals, layers } = analysis;
  const stats = [
    { label: "Parameters", value: formatCount(totals.params), hint: `${formatCompact(totals.params)}; ${formatCount(totals.buffers)} buffer elements` },
    { label: "MACs (batch 1)", value: formatCompact(totals.macs), hint: `${formatCompact(totals.flops)} FLOPs` },
    { label: "Parameter memory", value: formatBytes(totals.params * 4), hint: "fp32 weights" },
    { label: "Activations", value: formatBytes(totals.activationElements * bytesPerActivation), hint: `${dtype}, batch ${batch}, all layer outputs` },
  ];
  const last = layers.at(-1);
  return (
    <>
      <dl className="grid grid-cols-2 gap-3 xl:grid-cols-4">
        {stats.map((stat) => (
          <div key={stat.label} className="card p-4">
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
              {layers.length} layers{last ? `; output ${last.outputShape.join(" × ")}` : ""}
            </caption>
            <thead className="sticky top-0 bg-slate-50 text-slate-500 dark:bg-slate-950 dark:text-slate-400">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">Layer</th>
                <th scope="col" className="px-3 py-2 font-medium">Type</th>
                <th scope="col" className="px-3 py-2 font-medium">Output</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Params</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">MACs</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Activation</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {layers.map((layer) => (
                <tr key={layer.path}>
                  <td className="px-3 py-1.5 font-mono break-all">{layer.path}</td>
                  <td className="px-3 py-1.5">{layer.type}</td>
                  <td className="px-3 py-1.5 whitespace-nowrap">{layer.outputShape.join("×")}</td>
                  <td className="px-3 py-1.5 text-right">{layer.params ? formatCount(layer.params) : "–"}</td>
                  <td className="px-3 py-1.5 text-right">{layer.macs ? formatCompact(layer.macs) : "–"}</td>
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
