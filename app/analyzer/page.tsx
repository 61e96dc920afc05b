import type { Metadata } from "next";
import { NETWORK_PRESETS } from "@/lib/calc";
import { NetworkAnalyzer } from "./network-analyzer";

export const metadata: Metadata = {
  title: "Network analyzer",
  description: "Per-layer output shapes, parameters, MACs and activation memory of a CNN, computed in your browser.",
};

export default function AnalyzerPage() {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Network analyzer</h1>
        <p className="mt-1 max-w-3xl text-slate-600 dark:text-slate-400">
          Pick a well-known network or edit the layer list, and see every layer&apos;s output shape, parameters,
          multiply-accumulates and activation memory. Parameter counts follow PyTorch (batch-norm running statistics are
          buffers, not parameters); MACs count convolution and linear layers, and FLOPs are 2 × MACs.
        </p>
      </div>
      <NetworkAnalyzer presets={NETWORK_PRESETS.map((preset) => ({ id: preset.id, label: preset.label }))} />
    </div>
  );
}
