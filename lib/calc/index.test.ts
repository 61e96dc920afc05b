import { describe, expect, it } from "vitest";
import * as calc from "./index";

describe("index", () => {
  it("re-exports the public API and nothing internal", () => {
    for (const name of [
      "CalcError",
      "convOutputSize",
      "transposedConvOutputSize",
      "convParams",
      "batchNormParams",
      "receptiveField",
      "convMacs",
      "trainingMemory",
      "convertBytes",
      "poolOutputSize",
      "adaptivePoolBins",
      "roiPoolBins",
      "roiAlignBins",
      "fpsFromFlops",
      "iou",
      "softmax",
      "crossEntropy",
      "analyzeNetwork",
      "resnet50",
      "NETWORK_PRESETS",
    ]) {
      expect(calc).toHaveProperty(name);
    }
    expect(calc).not.toHaveProperty("checkGroups");
    expect(calc).not.toHaveProperty("pair");
  });
});
