import { describe, expect, it } from "vitest";
import { analyzeNetwork, type NetworkAnalysis } from "./analyzer";
import {
  alexnet,
  densenet121,
  googlenet,
  mobilenet_v2,
  NETWORK_PRESETS,
  resnet18,
  resnet34,
  resnet50,
  squeezenet1_0,
  vgg11,
  vgg16,
  vgg16_bn,
} from "./networks";

// torchvision's published figures (model documentation tables, `num_params` and "GFLOPS"), typed in by
// hand. The "GFLOPS" column counts multiply-accumulates of conv and linear layers, i.e. GMACs, which is
// what totals.macs counts. The figures are rounded to 4 significant digits (2 decimals for VGG-16).
const PUBLISHED = [
  { name: "alexnet", spec: alexnet, params: 61_100_840, gmacs: "0.714" },
  { name: "vgg11", spec: vgg11, params: 132_863_336, gmacs: "7.609" },
  { name: "vgg16", spec: vgg16, params: 138_357_544, gmacs: "15.47" },
  { name: "vgg16_bn", spec: vgg16_bn, params: 138_365_992, gmacs: "15.47" },
  { name: "resnet18", spec: resnet18, params: 11_689_512, gmacs: "1.814" },
  { name: "resnet34", spec: resnet34, params: 21_797_672, gmacs: "3.664" },
  { name: "resnet50", spec: resnet50, params: 25_557_032, gmacs: "4.089" },
  { name: "mobilenet_v2", spec: mobilenet_v2, params: 3_504_872, gmacs: "0.301" },
  // torchvision's GoogLeNet: BN and no bias in every conv block; the published count excludes the aux heads.
  { name: "googlenet", spec: googlenet, params: 6_624_904, gmacs: "1.498" },
  { name: "squeezenet1_0", spec: squeezenet1_0, params: 1_248_424, gmacs: "0.819" },
  { name: "densenet121", spec: densenet121, params: 7_978_856, gmacs: "2.834" },
] as const;

const analyses = new Map<string, NetworkAnalysis>(PUBLISHED.map((p) => [p.name, analyzeNetwork(p.spec)]));
const analysis = (name: string): NetworkAnalysis => analyses.get(name)!;
const row = (name: string, path: string) => analysis(name).layers.find((l) => l.path === path);

describe("torchvision presets", () => {
  it.each(PUBLISHED)("$name reproduces torchvision's parameter count exactly", ({ name, params }) => {
    expect(analysis(name).totals.params).toBe(params);
    expect(analysis(name).totals.trainableParams).toBe(params);
  });

  it.each(PUBLISHED)("$name MACs are within 0.5 % of torchvision's GFLOPS and round to it", ({ name, gmacs }) => {
    const macs = analysis(name).totals.macs;
    const published = Number(gmacs) * 1e9;
    expect(Math.abs(macs - published) / published).toBeLessThan(0.005);
    // Stronger: rounding our count to the published precision gives the published digits.
    const decimals = gmacs.split(".")[1]!.length;
    expect((macs / 1e9).toFixed(decimals)).toBe(gmacs);
    expect(analysis(name).totals.flops).toBe(2 * macs);
  });

  it.each(PUBLISHED)("$name ends in 1000 logits", ({ name }) => {
    expect(analysis(name).layers.at(-1)?.outputShape).toEqual([1000]);
  });

  it("AlexNet MACs equal the hand-computed layer sum", () => {
    // conv1 55×55×64 (3·11·11), conv2 27×27×192 (64·5·5), conv3–5 13×13 3×3, fc 9216→4096→4096→1000
    const expected =
      55 * 55 * 64 * 3 * 11 * 11 +
      27 * 27 * 192 * 64 * 5 * 5 +
      13 * 13 * 384 * 192 * 9 +
      13 * 13 * 256 * 384 * 9 +
      13 * 13 * 256 * 256 * 9 +
      256 * 6 * 6 * 4096 +
      4096 * 4096 +
      4096 * 1000;
    expect(analysis("alexnet").totals.macs).toBe(expected);
  });

  it("VGG-16 MACs equal the hand-computed layer sum (BN adds none)", () => {
    const expected =
      224 * 224 * (3 * 64 + 64 * 64) * 9 +
      112 * 112 * (64 * 128 + 128 * 128) * 9 +
      56 * 56 * (128 * 256 + 2 * 256 * 256) * 9 +
      28 * 28 * (256 * 512 + 2 * 512 * 512) * 9 +
      14 * 14 * (3 * 512 * 512) * 9 +
      512 * 7 * 7 * 4096 +
      4096 * 4096 +
      4096 * 1000;
    expect(analysis("vgg16").totals.macs).toBe(expected);
    expect(analysis("vgg16_bn").totals.macs).toBe(expected);
    // the BN variant adds γ, β for each of the 13 convs' channels
    const bnChannels = 2 * 64 + 2 * 128 + 3 * 256 + 6 * 512;
    expect(analysis("vgg16_bn").totals.params - analysis("vgg16").totals.params).toBe(2 * bnChannels);
    expect(analysis("vgg16_bn").totals.buffers).toBe(2 * bnChannels + 13);
  });

  it("ResNet-50 buffers count running statistics and num_batches_tracked of its 53 BNs", () => {
    // stem 64; per stage: blocks × (w + w + 4w) plus the 4w downsample BN
    const channels =
      64 + (3 * (64 + 64 + 256) + 256) + (4 * (128 + 128 + 512) + 512) + (6 * (256 + 256 + 1024) + 1024) + (3 * (512 + 512 + 2048) + 2048);
    const bns = 1 + 3 * (3 + 4 + 6 + 3) + 4;
    expect(analysis("resnet50").totals.buffers).toBe(2 * channels + bns);
    expect(analysis("resnet50").layers.filter((l) => l.type === "batchnorm2d")).toHaveLength(53);
  });

  it("uses torchvision module names as paths and the expected intermediate shapes", () => {
    expect(row("resnet50", "layer1.0.downsample.0")).toMatchObject({ outputShape: [256, 56, 56], params: 64 * 256 });
    expect(row("resnet50", "layer4.2")).toMatchObject({ type: "add", outputShape: [2048, 7, 7] });
    expect(row("resnet18", "layer2.0.conv1")).toMatchObject({ outputShape: [128, 28, 28], params: 3 * 3 * 64 * 128 });
    expect(row("alexnet", "features.12")?.outputShape).toEqual([256, 6, 6]);
    expect(row("vgg16", "features.30")?.outputShape).toEqual([512, 7, 7]);
    // MobileNetV2 block 1: depthwise 3×3 on 32 channels, then project to 16
    expect(row("mobilenet_v2", "features.1.conv.0.0")).toMatchObject({ outputShape: [32, 112, 112], params: 9 * 32 });
    expect(row("mobilenet_v2", "features.18.0")?.outputShape).toEqual([1280, 7, 7]);
    // inception3a: 64 + 128 + 32 + 32 channels
    expect(row("googlenet", "inception3a")).toMatchObject({ type: "concat", outputShape: [256, 28, 28] });
    expect(row("googlenet", "inception5b")?.outputShape).toEqual([384 + 384 + 128 + 128, 7, 7]);
    expect(row("squeezenet1_0", "features.3.expand")?.outputShape).toEqual([128, 54, 54]);
    // 64 + 6·32 = 256 channels, halved by transition1 and pooled to 28×28
    expect(row("densenet121", "features.transition1.pool")?.outputShape).toEqual([128, 28, 28]);
    expect(row("densenet121", "features.norm5")?.outputShape).toEqual([1024, 7, 7]);
    expect(row("densenet121", "features.denseblock1.denselayer1.conv1")?.params).toBe(64 * 128);
  });

  it("presets are listed, deep-frozen and survive a JSON round trip", () => {
    expect(NETWORK_PRESETS.map((p) => p.id)).toEqual(PUBLISHED.map((p) => p.name));
    expect(Object.isFrozen(resnet50)).toBe(true);
    expect(Object.isFrozen(resnet50.layers[0])).toBe(true);
    expect(() => (resnet50.layers as unknown[]).push({ type: "relu" })).toThrow(TypeError);
    for (const { name, spec } of PUBLISHED) {
      expect(analyzeNetwork(JSON.parse(JSON.stringify(spec)))).toEqual(analysis(name));
    }
  });
});
