// Ready-made specs of torchvision classification networks (input 3×224×224, 1000 classes), written from
// torchvision's model definitions. Layer names follow torchvision's module names, so analyzer paths match
// state-dict keys (`layer1.0.downsample.0` ↔ `layer1.0.downsample.0.weight`). Paths must be unique, so
// functional ops without a module (flatten, the post-add ReLU `layer1.0.relu`) get descriptive names and
// a ReLU module that torchvision reuses within a block is split into `relu1`, `relu2`.
import type { Conv2dLayer, Layer, NetworkSpec } from "./analyzer";

type ConvExtra = Partial<Pick<Conv2dLayer, "stride" | "padding" | "groups" | "bias" | "dilation">>;
type Unnamed = Layer extends infer L ? (L extends Layer ? Omit<L, "name"> : never) : never;

const conv = (name: string, out: number, kernel: number, extra: ConvExtra = {}): Layer => ({
  type: "conv2d",
  name,
  out,
  kernel,
  ...extra,
});
const bn = (name: string): Layer => ({ type: "batchnorm2d", name });
const relu = (name: string): Layer => ({ type: "relu", name });
const seq = (name: string, layers: Layer[]): Layer => ({ type: "sequential", name, layers });
const maxpool = (name: string, kernel: number, stride: number, padding = 0, ceilMode = false): Layer => ({
  type: "maxpool2d",
  name,
  kernel,
  stride,
  ...(padding === 0 ? {} : { padding }),
  ...(ceilMode ? { ceilMode } : {}),
});
/** Names the layers "0", "1", … like the indices of an `nn.Sequential`. */
const numbered = (layers: Unnamed[]): Layer[] => layers.map((layer, i) => ({ ...layer, name: String(i) }) as Layer);
const head = (pool: number, classifier: Layer[]): Layer[] => [
  { type: "adaptiveavgpool2d", name: "avgpool", output: pool },
  { type: "flatten", name: "flatten" },
  ...classifier,
];

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function spec(layers: Layer[]): NetworkSpec {
  return deepFreeze({ input: [3, 224, 224], layers });
}

/**
 * torchvision `alexnet()` (the one-GPU variant of Krizhevsky et al. 2012 with 64/192/384/256/256
 * channels), including the `AdaptiveAvgPool2d((6, 6))` before the classifier. Deep-frozen.
 * torchvision publishes 61,100,840 params and 0.714 GFLOPS (GMACs).
 *
 * @example
 * ```ts
 * analyzeNetwork(alexnet).totals.params; // 61_100_840
 * ```
 */
export const alexnet: NetworkSpec = spec([
  seq(
    "features",
    numbered([
      { type: "conv2d", out: 64, kernel: 11, stride: 4, padding: 2 },
      { type: "relu" },
      { type: "maxpool2d", kernel: 3, stride: 2 },
      { type: "conv2d", out: 192, kernel: 5, padding: 2 },
      { type: "relu" },
      { type: "maxpool2d", kernel: 3, stride: 2 },
      { type: "conv2d", out: 384, kernel: 3, padding: 1 },
      { type: "relu" },
      { type: "conv2d", out: 256, kernel: 3, padding: 1 },
      { type: "relu" },
      { type: "conv2d", out: 256, kernel: 3, padding: 1 },
      { type: "relu" },
      { type: "maxpool2d", kernel: 3, stride: 2 },
    ]),
  ),
  ...head(6, [
    seq(
      "classifier",
      numbered([
        { type: "dropout" },
        { type: "linear", out: 4096 },
        { type: "relu" },
        { type: "dropout" },
        { type: "linear", out: 4096 },
        { type: "relu" },
        { type: "linear", out: 1000 },
      ]),
    ),
  ]),
]);

function vgg(config: Array<number | "M">, batchNorm: boolean): NetworkSpec {
  const features: Unnamed[] = [];
  for (const v of config) {
    if (v === "M") {
      features.push({ type: "maxpool2d", kernel: 2, stride: 2 });
    } else {
      // torchvision keeps the conv bias even in the _bn variants.
      features.push({ type: "conv2d", out: v, kernel: 3, padding: 1 });
      if (batchNorm) features.push({ type: "batchnorm2d" });
      features.push({ type: "relu" });
    }
  }
  return spec([
    seq("features", numbered(features)),
    ...head(7, [
      seq(
        "classifier",
        numbered([
          { type: "linear", out: 4096 },
          { type: "relu" },
          { type: "dropout" },
          { type: "linear", out: 4096 },
          { type: "relu" },
          { type: "dropout" },
          { type: "linear", out: 1000 },
        ]),
      ),
    ]),
  ]);
}

const VGG_A: Array<number | "M"> = [64, "M", 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"];
const VGG_D: Array<number | "M"> = [
  64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512, "M",
];

/**
 * torchvision `vgg11()` (VGG configuration A, Simonyan & Zisserman 2015). Deep-frozen.
 * torchvision publishes 132,863,336 params and 7.609 GFLOPS (GMACs).
 *
 * @example
 * ```ts
 * analyzeNetwork(vgg11).totals.params; // 132_863_336
 * ```
 */
export const vgg11: NetworkSpec = vgg(VGG_A, false);

/**
 * torchvision `vgg16()` (VGG configuration D). Deep-frozen.
 * torchvision publishes 138,357,544 params and 15.47 GFLOPS (GMACs).
 *
 * @example
 * ```ts
 * analyzeNetwork(vgg16).totals.params; // 138_357_544
 * ```
 */
export const vgg16: NetworkSpec = vgg(VGG_D, false);

/**
 * torchvision `vgg16_bn()`: configuration D with batch norm after every conv (conv biases kept).
 * Deep-frozen. torchvision publishes 138,365,992 params and 15.47 GFLOPS (GMACs).
 *
 * @example
 * ```ts
 * analyzeNetwork(vgg16_bn).totals.params; // 138_365_992
 * ```
 */
export const vgg16_bn: NetworkSpec = vgg(VGG_D, true);

/** A ResNet block plus the ReLU that torchvision applies after the addition. */
function basicBlock(name: string, inChannels: number, planes: number, stride: number): Layer[] {
  const downsample = stride !== 1 || inChannels !== planes;
  const block: Layer = {
    type: "residual",
    name,
    body: [
      conv("conv1", planes, 3, { stride, padding: 1, bias: false }),
      bn("bn1"),
      relu("relu1"),
      conv("conv2", planes, 3, { padding: 1, bias: false }),
      bn("bn2"),
    ],
    ...(downsample
      ? { shortcut: [conv("downsample.0", planes, 1, { stride, bias: false }), bn("downsample.1")] }
      : {}),
  };
  return [block, relu(`${name}.relu`)];
}

/** torchvision's Bottleneck (ResNet v1.5: the stride sits on the 3×3 conv). */
function bottleneck(name: string, inChannels: number, planes: number, stride: number): Layer[] {
  const out = planes * 4;
  const downsample = stride !== 1 || inChannels !== out;
  const block: Layer = {
    type: "residual",
    name,
    body: [
      conv("conv1", planes, 1, { bias: false }),
      bn("bn1"),
      relu("relu1"),
      conv("conv2", planes, 3, { stride, padding: 1, bias: false }),
      bn("bn2"),
      relu("relu2"),
      conv("conv3", out, 1, { bias: false }),
      bn("bn3"),
    ],
    ...(downsample ? { shortcut: [conv("downsample.0", out, 1, { stride, bias: false }), bn("downsample.1")] } : {}),
  };
  return [block, relu(`${name}.relu`)];
}

function resnet(kind: "basic" | "bottleneck", blocks: [number, number, number, number]): NetworkSpec {
  const expansion = kind === "basic" ? 1 : 4;
  const make = kind === "basic" ? basicBlock : bottleneck;
  let channels = 64;
  const stages: Layer[] = blocks.map((count, stage) => {
    const planes = 64 * 2 ** stage;
    const layers: Layer[] = [];
    for (let b = 0; b < count; b++) {
      layers.push(...make(String(b), channels, planes, b === 0 && stage > 0 ? 2 : 1));
      channels = planes * expansion;
    }
    return seq(`layer${stage + 1}`, layers);
  });
  return spec([
    conv("conv1", 64, 7, { stride: 2, padding: 3, bias: false }),
    bn("bn1"),
    relu("relu"),
    maxpool("maxpool", 3, 2, 1),
    ...stages,
    ...head(1, [{ type: "linear", name: "fc", out: 1000 }]),
  ]);
}

/**
 * torchvision `resnet18()` (He et al. 2016, BasicBlock [2, 2, 2, 2]). Deep-frozen.
 * torchvision publishes 11,689,512 params and 1.814 GFLOPS (GMACs).
 *
 * @example
 * ```ts
 * analyzeNetwork(resnet18).totals.params; // 11_689_512
 * ```
 */
export const resnet18: NetworkSpec = resnet("basic", [2, 2, 2, 2]);

/**
 * torchvision `resnet34()` (BasicBlock [3, 4, 6, 3]). Deep-frozen.
 * torchvision publishes 21,797,672 params and 3.664 GFLOPS (GMACs).
 *
 * @example
 * ```ts
 * analyzeNetwork(resnet34).totals.params; // 21_797_672
 * ```
 */
export const resnet34: NetworkSpec = resnet("basic", [3, 4, 6, 3]);

/**
 * torchvision `resnet50()` (Bottleneck [3, 4, 6, 3], ResNet v1.5 with the stride on the 3×3 conv).
 * Deep-frozen. torchvision publishes 25,557,032 params and 4.089 GFLOPS (GMACs).
 *
 * @example
 * ```ts
 * analyzeNetwork(resnet50).totals.params; // 25_557_032
 * ```
 */
export const resnet50: NetworkSpec = resnet("bottleneck", [3, 4, 6, 3]);

/** torchvision's Conv2dNormActivation: conv (no bias) → BN → activation, named 0/1/2. */
function convBnAct(out: number, kernel: number, stride: number, groups: number, act: "relu6" | "relu"): Layer[] {
  return [
    conv("0", out, kernel, {
      ...(stride === 1 ? {} : { stride }),
      padding: (kernel - 1) / 2,
      ...(groups === 1 ? {} : { groups }),
      bias: false,
    }),
    bn("1"),
    { type: act, name: "2" },
  ];
}

const prefix = (p: string, layers: Layer[]): Layer[] =>
  layers.map((layer) => ({ ...layer, name: `${p}.${layer.name ?? ""}` }) as Layer);

function mobilenetV2(): NetworkSpec {
  const settings: Array<[t: number, c: number, n: number, s: number]> = [
    [1, 16, 1, 1],
    [6, 24, 2, 2],
    [6, 32, 3, 2],
    [6, 64, 4, 2],
    [6, 96, 3, 1],
    [6, 160, 3, 2],
    [6, 320, 1, 1],
  ];
  const features: Layer[] = [seq("0", convBnAct(32, 3, 2, 1, "relu6"))];
  let channels = 32;
  for (const [t, c, n, s] of settings) {
    for (let i = 0; i < n; i++) {
      const stride = i === 0 ? s : 1;
      const hidden = channels * t;
      const name = String(features.length);
      // Module names inside InvertedResidual.conv: [expand ConvBNReLU6,] depthwise ConvBNReLU6, project conv, BN.
      const body: Layer[] = [];
      if (t !== 1) body.push(...prefix("conv.0", convBnAct(hidden, 1, 1, 1, "relu6")));
      const dwIndex = t !== 1 ? 1 : 0;
      body.push(...prefix(`conv.${dwIndex}`, convBnAct(hidden, 3, stride, hidden, "relu6")));
      body.push(conv(`conv.${dwIndex + 1}`, c, 1, { bias: false }), bn(`conv.${dwIndex + 2}`));
      features.push(
        stride === 1 && channels === c ? { type: "residual", name, body } : seq(name, body),
      );
      channels = c;
    }
  }
  features.push(seq(String(features.length), convBnAct(1280, 1, 1, 1, "relu6")));
  return spec([
    seq("features", features),
    ...head(1, [seq("classifier", numbered([{ type: "dropout" }, { type: "linear", out: 1000 }]))]),
  ]);
}

/**
 * torchvision `mobilenet_v2()` (Sandler et al. 2018, width 1.0). Inverted residuals with a stride of 1
 * and equal channels are `residual` layers; the others are `sequential`. Deep-frozen.
 * torchvision publishes 3,504,872 params and 0.301 GFLOPS (GMACs).
 *
 * @example
 * ```ts
 * analyzeNetwork(mobilenet_v2).totals.params; // 3_504_872
 * ```
 */
export const mobilenet_v2: NetworkSpec = mobilenetV2();

/** GoogLeNet's BasicConv2d: conv without bias → BN → ReLU. */
function basicConv(name: string, out: number, kernel: number, extra: ConvExtra = {}): Layer {
  return seq(name, [conv("conv", out, kernel, { ...extra, bias: false }), bn("bn"), relu("relu")]);
}

function inception(name: string, c1: number, c3r: number, c3: number, c5r: number, c5: number, pool: number): Layer {
  return {
    type: "concat",
    name,
    branches: [
      [basicConv("branch1", c1, 1)],
      [seq("branch2", [basicConv("0", c3r, 1), basicConv("1", c3, 3, { padding: 1 })])],
      // torchvision's "branch3" uses a 3×3 kernel where the paper has 5×5 (a known, kept bug).
      [seq("branch3", [basicConv("0", c5r, 1), basicConv("1", c5, 3, { padding: 1 })])],
      [seq("branch4", [maxpool("0", 3, 1, 1, true), basicConv("1", pool, 1)])],
    ],
  };
}

/**
 * torchvision `googlenet()` (Szegedy et al. 2015 with batch norm, as torchvision builds it: BN after
 * every conv, no conv biases, 3×3 kernels in the "5×5" branch), without the auxiliary classifiers, which
 * the published figures exclude too. Deep-frozen.
 * torchvision publishes 6,624,904 params and 1.498 GFLOPS (GMACs).
 *
 * @example
 * ```ts
 * analyzeNetwork(googlenet).totals.params; // 6_624_904
 * ```
 */
export const googlenet: NetworkSpec = spec([
  basicConv("conv1", 64, 7, { stride: 2, padding: 3 }),
  maxpool("maxpool1", 3, 2, 0, true),
  basicConv("conv2", 64, 1),
  basicConv("conv3", 192, 3, { padding: 1 }),
  maxpool("maxpool2", 3, 2, 0, true),
  inception("inception3a", 64, 96, 128, 16, 32, 32),
  inception("inception3b", 128, 128, 192, 32, 96, 64),
  maxpool("maxpool3", 3, 2, 0, true),
  inception("inception4a", 192, 96, 208, 16, 48, 64),
  inception("inception4b", 160, 112, 224, 24, 64, 64),
  inception("inception4c", 128, 128, 256, 24, 64, 64),
  inception("inception4d", 112, 144, 288, 32, 64, 64),
  inception("inception4e", 256, 160, 320, 32, 128, 128),
  maxpool("maxpool4", 2, 2, 0, true),
  inception("inception5a", 256, 160, 320, 32, 128, 128),
  inception("inception5b", 384, 192, 384, 48, 128, 128),
  ...head(1, [
    { type: "dropout", name: "dropout" },
    { type: "linear", name: "fc", out: 1000 },
  ]),
]);

function fire(name: string, squeeze: number, expand1: number, expand3: number): Layer {
  return seq(name, [
    conv("squeeze", squeeze, 1),
    relu("squeeze_activation"),
    {
      type: "concat",
      name: "expand",
      branches: [
        [conv("expand1x1", expand1, 1), relu("expand1x1_activation")],
        [conv("expand3x3", expand3, 3, { padding: 1 }), relu("expand3x3_activation")],
      ],
    },
  ]);
}

/**
 * torchvision `squeezenet1_0()` (Iandola et al. 2016). The two expand convolutions of each Fire module
 * are a `concat` named `expand`. Deep-frozen.
 * torchvision publishes 1,248,424 params and 0.819 GFLOPS (GMACs).
 *
 * @example
 * ```ts
 * analyzeNetwork(squeezenet1_0).totals.params; // 1_248_424
 * ```
 */
export const squeezenet1_0: NetworkSpec = spec([
  seq("features", [
    conv("0", 96, 7, { stride: 2 }),
    relu("1"),
    maxpool("2", 3, 2, 0, true),
    fire("3", 16, 64, 64),
    fire("4", 16, 64, 64),
    fire("5", 32, 128, 128),
    maxpool("6", 3, 2, 0, true),
    fire("7", 32, 128, 128),
    fire("8", 48, 192, 192),
    fire("9", 48, 192, 192),
    fire("10", 64, 256, 256),
    maxpool("11", 3, 2, 0, true),
    fire("12", 64, 256, 256),
  ]),
  seq("classifier", [
    { type: "dropout", name: "0" },
    conv("1", 1000, 1),
    relu("2"),
    { type: "adaptiveavgpool2d", name: "3", output: 1 },
  ]),
  { type: "flatten", name: "flatten" },
]);

function densenet(growth: number, blocks: number[], initFeatures: number, bnSize: number): NetworkSpec {
  const features: Layer[] = [
    conv("conv0", initFeatures, 7, { stride: 2, padding: 3, bias: false }),
    bn("norm0"),
    relu("relu0"),
    maxpool("pool0", 3, 2, 1),
  ];
  let channels = initFeatures;
  blocks.forEach((count, b) => {
    const layers: Layer[] = [];
    for (let i = 0; i < count; i++) {
      // A dense layer concatenates its new features to its input: the identity branch is empty.
      layers.push({
        type: "concat",
        name: `denselayer${i + 1}`,
        branches: [
          [],
          [
            bn("norm1"),
            relu("relu1"),
            conv("conv1", bnSize * growth, 1, { bias: false }),
            bn("norm2"),
            relu("relu2"),
            conv("conv2", growth, 3, { padding: 1, bias: false }),
          ],
        ],
      });
      channels += growth;
    }
    features.push(seq(`denseblock${b + 1}`, layers));
    if (b !== blocks.length - 1) {
      channels = Math.floor(channels / 2);
      features.push(
        seq(`transition${b + 1}`, [
          bn("norm"),
          relu("relu"),
          conv("conv", channels, 1, { bias: false }),
          { type: "avgpool2d", name: "pool", kernel: 2, stride: 2 },
        ]),
      );
    }
  });
  features.push(bn(`norm${blocks.length + 1}`));
  return spec([
    seq("features", features),
    relu("relu"),
    ...head(1, [{ type: "linear", name: "classifier", out: 1000 }]),
  ]);
}

/**
 * torchvision `densenet121()` (Huang et al. 2017: growth 32, blocks [6, 12, 24, 16], 64 initial
 * features, bottleneck 4·growth, compression 0.5). Each dense layer is a `concat` of the identity and
 * its new features. Deep-frozen.
 * torchvision publishes 7,978,856 params and 2.834 GFLOPS (GMACs).
 *
 * @example
 * ```ts
 * analyzeNetwork(densenet121).totals.params; // 7_978_856
 * ```
 */
export const densenet121: NetworkSpec = densenet(32, [6, 12, 24, 16], 64, 4);

/** A preset for the analyzer page. */
export interface NetworkPreset {
  /** torchvision builder name, e.g. `"resnet50"`. */
  id: string;
  /** Display name, e.g. `"ResNet-50"`. */
  label: string;
  /** The spec (deep-frozen; copy it with `structuredClone` before editing). */
  spec: NetworkSpec;
}

/**
 * All presets above in a stable order, for a picker.
 *
 * @example
 * ```ts
 * NETWORK_PRESETS.map((p) => p.id); // ["alexnet", "vgg11", "vgg16", "vgg16_bn", "resnet18", …]
 * ```
 */
export const NETWORK_PRESETS: readonly NetworkPreset[] = deepFreeze([
  { id: "alexnet", label: "AlexNet", spec: alexnet },
  { id: "vgg11", label: "VGG-11", spec: vgg11 },
  { id: "vgg16", label: "VGG-16", spec: vgg16 },
  { id: "vgg16_bn", label: "VGG-16 (BN)", spec: vgg16_bn },
  { id: "resnet18", label: "ResNet-18", spec: resnet18 },
  { id: "resnet34", label: "ResNet-34", spec: resnet34 },
  { id: "resnet50", label: "ResNet-50", spec: resnet50 },
  { id: "mobilenet_v2", label: "MobileNetV2", spec: mobilenet_v2 },
  { id: "googlenet", label: "GoogLeNet", spec: googlenet },
  { id: "squeezenet1_0", label: "SqueezeNet 1.0", spec: squeezenet1_0 },
  { id: "densenet121", label: "DenseNet-121", spec: densenet121 },
]);
