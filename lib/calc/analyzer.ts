import { convOutputSize, type ConvPadding } from "./conv";
import { CalcError } from "./errors";
import { convMacs, linearMacs } from "./flops";
import { batchNormParams, checkGroups, convParams, linearParams } from "./params";
import { poolOutputSize } from "./pooling";
import { pair, type Size2 } from "./size";
import { boolean, describe, integer, safeCount } from "./validate";

/** Shape-preserving element-wise layers of a {@link NetworkSpec} (dropout and identity included). */
export type ActivationType =
  | "relu"
  | "relu6"
  | "sigmoid"
  | "tanh"
  | "gelu"
  | "silu"
  | "hardswish"
  | "dropout"
  | "identity";

/** `nn.Conv2d`. Input channels come from the incoming tensor. */
export interface Conv2dLayer {
  type: "conv2d";
  /** Output channels. */
  out: number;
  kernel: Size2;
  /** Default 1. */
  stride?: Size2;
  /** Zeros per side, or PyTorch's `"same"` (stride 1 only) / `"valid"`. Default 0. */
  padding?: Size2 | "same" | "valid";
  /** Default 1. */
  dilation?: Size2;
  /** Default 1; must divide both channel counts. */
  groups?: number;
  /** Default true. */
  bias?: boolean;
  name?: string;
}

/** `nn.BatchNorm2d` over the incoming channels (affine, tracking running statistics). */
export interface BatchNorm2dLayer {
  type: "batchnorm2d";
  name?: string;
}

/** An element-wise layer: output shape = input shape, no parameters, no MACs. */
export interface ActivationLayer {
  type: ActivationType;
  name?: string;
}

/** `nn.MaxPool2d` / `nn.AvgPool2d`. */
export interface Pool2dLayer {
  type: "maxpool2d" | "avgpool2d";
  kernel: Size2;
  /** Default = kernel. */
  stride?: Size2;
  /** Default 0; at most half the kernel. */
  padding?: Size2;
  /** Default false. */
  ceilMode?: boolean;
  name?: string;
}

/** `nn.AdaptiveAvgPool2d` / `nn.AdaptiveMaxPool2d`: output spatial size is `output`. */
export interface AdaptivePool2dLayer {
  type: "adaptiveavgpool2d" | "adaptivemaxpool2d";
  output: Size2;
  name?: string;
}

/** `nn.Flatten()`: all per-sample dimensions into one. */
export interface FlattenLayer {
  type: "flatten";
  name?: string;
}

/** `nn.Linear` acting on the last dimension; input features come from the incoming tensor. */
export interface LinearLayer {
  type: "linear";
  /** Output features. */
  out: number;
  /** Default true. */
  bias?: boolean;
  name?: string;
}

/** Layers applied in order, the whole list `repeat` times (default 1). */
export interface SequentialLayer {
  type: "sequential";
  layers: Layer[];
  /** Default 1. */
  repeat?: number;
  name?: string;
}

/** output = body(x) + shortcut(x); the shortcut is the identity when absent or empty. */
export interface ResidualLayer {
  type: "residual";
  body: Layer[];
  shortcut?: Layer[];
  name?: string;
}

/** Channel concatenation of the branch outputs (`torch.cat(dim=1)`); an empty branch is the identity. */
export interface ConcatLayer {
  type: "concat";
  branches: Layer[][];
  name?: string;
}

/**
 * One layer of a {@link NetworkSpec}. Part of the public API: presets, the analyzer page and user JSON
 * all use this shape.
 *
 * @example
 * ```ts
 * const block: Layer = {
 *   type: "residual",
 *   body: [{ type: "conv2d", out: 64, kernel: 3, padding: 1, bias: false }, { type: "batchnorm2d" }],
 * };
 * ```
 */
export type Layer =
  | Conv2dLayer
  | BatchNorm2dLayer
  | ActivationLayer
  | Pool2dLayer
  | AdaptivePool2dLayer
  | FlattenLayer
  | LinearLayer
  | SequentialLayer
  | ResidualLayer
  | ConcatLayer;

/** Every `type` a {@link Layer} may have. */
export type LayerType = Layer["type"];

/**
 * A network for {@link analyzeNetwork}: one sample's input `[channels, height, width]` (no batch
 * dimension) and the layers applied to it.
 *
 * @example
 * ```ts
 * const tiny: NetworkSpec = {
 *   input: [3, 32, 32],
 *   layers: [
 *     { type: "conv2d", out: 16, kernel: 3, padding: 1 },
 *     { type: "relu" },
 *     { type: "adaptiveavgpool2d", output: 1 },
 *     { type: "flatten" },
 *     { type: "linear", out: 10 },
 *   ],
 * };
 * ```
 */
export interface NetworkSpec {
  input: [channels: number, height: number, width: number];
  layers: Layer[];
}

/** One row of {@link NetworkAnalysis.layers}. */
export interface LayerAnalysis {
  /** Readable, unique path of the layer (see {@link analyzeNetwork}). */
  path: string;
  /** The layer's `type`, or `"add"` / `"concat"` for the merge row of a residual / concat container. */
  type: string;
  /** Output shape for one sample: `[C, H, W]`, or `[F]` after flatten. */
  outputShape: number[];
  /** Learnable parameters of this layer alone. */
  params: number;
  /** Multiply-accumulates of this layer alone, batch 1 (non-zero for conv2d and linear only). */
  macs: number;
  /** Elements of this row's output tensor for batch 1 (the product of `outputShape`). */
  activationElements: number;
}

/** Totals of {@link NetworkAnalysis}. Sums over the rows, which never double count. */
export interface NetworkTotals {
  /** Learnable parameters, as `sum(p.numel() for p in model.parameters())`. */
  params: number;
  /** Parameters that train; equal to `params` because a spec cannot freeze layers. */
  trainableParams: number;
  /** Buffer elements: per batch norm, running mean + running variance + `num_batches_tracked` = 2C + 1. */
  buffers: number;
  /** Multiply-accumulates of conv and linear layers, batch 1. */
  macs: number;
  /** 2 × macs. */
  flops: number;
  /** Sum of the rows' activation elements, batch 1. */
  activationElements: number;
}

/** Result of {@link analyzeNetwork}. */
export interface NetworkAnalysis {
  /** Leaf layers and merge rows in execution order (see {@link analyzeNetwork}). */
  layers: LayerAnalysis[];
  totals: NetworkTotals;
}

/** Most layers (counting containers and repeats) a spec may expand to; protects the page from `repeat: 1e9`. */
export const MAX_NETWORK_LAYERS = 100_000;
/** Deepest container nesting accepted. */
export const MAX_NETWORK_DEPTH = 64;

const ACTIVATIONS: readonly ActivationType[] = [
  "relu",
  "relu6",
  "sigmoid",
  "tanh",
  "gelu",
  "silu",
  "hardswish",
  "dropout",
  "identity",
];

const FIELDS: Record<string, readonly string[]> = {
  conv2d: ["type", "name", "out", "kernel", "stride", "padding", "dilation", "groups", "bias"],
  batchnorm2d: ["type", "name"],
  maxpool2d: ["type", "name", "kernel", "stride", "padding", "ceilMode"],
  avgpool2d: ["type", "name", "kernel", "stride", "padding", "ceilMode"],
  adaptiveavgpool2d: ["type", "name", "output"],
  adaptivemaxpool2d: ["type", "name", "output"],
  flatten: ["type", "name"],
  linear: ["type", "name", "out", "bias"],
  sequential: ["type", "name", "layers", "repeat"],
  residual: ["type", "name", "body", "shortcut"],
  concat: ["type", "name", "branches"],
};
for (const a of ACTIVATIONS) FIELDS[a] = ["type", "name"];

type Shape = number[];
type Rec = Record<string, unknown>;

interface Walk {
  rows: LayerAnalysis[];
  buffers: number;
  paths: Set<string>;
  visits: number;
}

function isRecord(value: unknown): value is Rec {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function elements(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

function fmt(shape: Shape): string {
  return `[${shape.join(", ")}]`;
}

function childPath(parent: string, raw: unknown, segment: string): string {
  const own = isRecord(raw) && typeof raw.name === "string" && raw.name !== "" ? raw.name : segment;
  return parent === "" ? own : `${parent}.${own}`;
}

function required(raw: Rec, key: string, type: string, path: string): unknown {
  const value = raw[key];
  if (value === undefined) throw new CalcError(`${type} is missing required field "${key}"`, { path });
  return value;
}

function layerList(value: unknown, what: string, path: string): unknown[] {
  if (!Array.isArray(value)) throw new CalcError(`${what} must be an array of layers, got ${describe(value)}`, { path });
  return value;
}

function spatial(shape: Shape, type: string, path: string): [number, number, number] {
  if (shape.length !== 3) {
    throw new CalcError(`${type} expects a [C, H, W] input, got ${fmt(shape)} (flattened tensors have no spatial size)`, {
      path,
    });
  }
  return shape as [number, number, number];
}

/** Runs a per-axis size formula and names the layer, type and axis if it throws. */
function axis(type: string, name: "height" | "width", path: string, compute: () => number): number {
  try {
    return compute();
  } catch (error) {
    if (error instanceof CalcError) throw new CalcError(`${type} ${name}: ${error.problem}`, { path });
    throw error;
  }
}

function push(w: Walk, path: string, type: string, outputShape: Shape, params: number, macs: number): void {
  w.rows.push({
    path,
    type,
    outputShape,
    params: safeCount(params, "parameter count", path),
    macs: safeCount(macs, "MAC count", path),
    activationElements: safeCount(elements(outputShape), "activation element count", path),
  });
}

function walkList(list: unknown[], shape: Shape, w: Walk, parent: string, field: string, depth: number): Shape {
  let current = shape;
  for (let i = 0; i < list.length; i++) {
    const raw = list[i];
    current = walkLayer(raw, current, w, childPath(parent, raw, `${field}[${i}]`), depth);
  }
  return current;
}

function walkLayer(raw: unknown, shape: Shape, w: Walk, path: string, depth: number): Shape {
  w.visits += 1;
  if (w.visits > MAX_NETWORK_LAYERS) {
    throw new CalcError(`the network expands to more than ${MAX_NETWORK_LAYERS} layers`, { path });
  }
  if (depth > MAX_NETWORK_DEPTH) {
    throw new CalcError(`containers are nested more than ${MAX_NETWORK_DEPTH} deep`, { path });
  }
  if (!isRecord(raw)) throw new CalcError(`a layer must be an object with a "type", got ${describe(raw)}`, { path });
  const type = raw.type;
  if (type === undefined) throw new CalcError(`layer is missing required field "type"`, { path });
  if (typeof type !== "string" || !Object.hasOwn(FIELDS, type)) {
    throw new CalcError(`unknown layer type ${describe(type)}`, { path });
  }
  const allowed = FIELDS[type] as readonly string[];
  for (const key of Object.keys(raw)) {
    if (!allowed.includes(key)) {
      throw new CalcError(`${type} has no field "${key}" (allowed: ${allowed.join(", ")})`, { path });
    }
  }
  if (raw.name !== undefined && (typeof raw.name !== "string" || raw.name === "")) {
    throw new CalcError(`"name" must be a non-empty string, got ${describe(raw.name)}`, { path });
  }
  if (w.paths.has(path)) {
    throw new CalcError(`duplicate layer path; give sibling layers distinct names`, { path });
  }
  w.paths.add(path);

  switch (type) {
    case "conv2d":
      return conv2d(raw, shape, w, path);
    case "batchnorm2d": {
      const [c] = spatial(shape, type, path);
      const bn = batchNormParams({ channels: c });
      w.buffers += bn.buffers;
      push(w, path, type, [...shape], bn.params, 0);
      return shape;
    }
    case "maxpool2d":
    case "avgpool2d":
      return pool2d(raw, type, shape, w, path);
    case "adaptiveavgpool2d":
    case "adaptivemaxpool2d": {
      const [c] = spatial(shape, type, path);
      const [oh, ow] = pair(required(raw, "output", type, path), `${type} "output"`, 1, path);
      const out = [c, oh, ow];
      push(w, path, type, out, 0, 0);
      return out;
    }
    case "flatten": {
      const out = [elements(shape)];
      push(w, path, type, out, 0, 0);
      return out;
    }
    case "linear": {
      const inFeatures = shape[shape.length - 1] as number;
      const out = integer(required(raw, "out", type, path), `${type} "out"`, 1, path);
      const bias = boolean(raw.bias ?? true, `${type} "bias"`, path);
      const rows = elements(shape) / inFeatures;
      const outShape = [...shape.slice(0, -1), out];
      push(
        w,
        path,
        type,
        outShape,
        linearParams({ inFeatures, outFeatures: out, bias }),
        linearMacs({ inFeatures, outFeatures: out, batch: rows }),
      );
      return outShape;
    }
    case "sequential": {
      const layers = layerList(required(raw, "layers", type, path), `${type} "layers"`, path);
      const repeat = integer(raw.repeat ?? 1, `${type} "repeat"`, 1, path);
      let current = shape;
      for (let r = 0; r < repeat; r++) {
        current = walkList(layers, current, w, repeat > 1 ? `${path}.repeat[${r}]` : path, "layers", depth + 1);
      }
      return current;
    }
    case "residual": {
      const body = layerList(required(raw, "body", type, path), `${type} "body"`, path);
      const shortcut = raw.shortcut === undefined ? [] : layerList(raw.shortcut, `${type} "shortcut"`, path);
      const bodyOut = walkList(body, shape, w, path, "body", depth + 1);
      const shortcutOut = walkList(shortcut, shape, w, path, "shortcut", depth + 1);
      if (bodyOut.length !== shortcutOut.length || bodyOut.some((d, i) => d !== shortcutOut[i])) {
        throw new CalcError(
          `residual body output ${fmt(bodyOut)} does not match shortcut output ${fmt(shortcutOut)}` +
            (shortcut.length === 0 ? " (identity shortcut)" : ""),
          { path },
        );
      }
      push(w, path, "add", [...bodyOut], 0, 0);
      return bodyOut;
    }
    case "concat": {
      const branches = required(raw, "branches", type, path);
      if (!Array.isArray(branches) || branches.length === 0) {
        throw new CalcError(`concat "branches" must be a non-empty array of layer arrays, got ${describe(branches)}`, {
          path,
        });
      }
      const outs = branches.map((branch, j) =>
        walkList(layerList(branch, `concat "branches[${j}]"`, path), shape, w, path, `branches[${j}]`, depth + 1),
      );
      const first = outs[0] as Shape;
      let channels = 0;
      outs.forEach((o, j) => {
        if (o.length !== first.length || o.some((d, i) => i > 0 && d !== first[i])) {
          throw new CalcError(
            `concat branch ${j} output ${fmt(o)} does not match branch 0 output ${fmt(first)} outside the channel dimension`,
            { path },
          );
        }
        channels += o[0] as number;
      });
      const out = [channels, ...first.slice(1)];
      push(w, path, "concat", out, 0, 0);
      return out;
    }
    default: {
      // Every remaining FIELDS key is an activation: shape-preserving, parameter-free.
      push(w, path, type, [...shape], 0, 0);
      return shape;
    }
  }
}

function conv2d(raw: Rec, shape: Shape, w: Walk, path: string): Shape {
  const type = "conv2d";
  const [c, h, wd] = spatial(shape, type, path);
  const out = integer(required(raw, "out", type, path), `${type} "out"`, 1, path);
  const kernel = pair(required(raw, "kernel", type, path), `${type} "kernel"`, 1, path);
  const stride = pair(raw.stride ?? 1, `${type} "stride"`, 1, path);
  const dilation = pair(raw.dilation ?? 1, `${type} "dilation"`, 1, path);
  const groups = integer(raw.groups ?? 1, `${type} "groups"`, 1, path);
  const bias = boolean(raw.bias ?? true, `${type} "bias"`, path);
  const padding = convPadding(raw.padding ?? 0, path);
  checkGroups(c, out, groups, path);
  const oh = axis(type, "height", path, () =>
    convOutputSize({ input: h, kernel: kernel[0], stride: stride[0], padding: padding[0], dilation: dilation[0] }),
  );
  const ow = axis(type, "width", path, () =>
    convOutputSize({ input: wd, kernel: kernel[1], stride: stride[1], padding: padding[1], dilation: dilation[1] }),
  );
  const outShape = [out, oh, ow];
  push(
    w,
    path,
    type,
    outShape,
    convParams({ kernel, inChannels: c, outChannels: out, groups, bias }),
    convMacs({ inChannels: c, outChannels: out, kernel, output: [oh, ow], groups }),
  );
  return outShape;
}

function convPadding(value: unknown, path: string): [ConvPadding, ConvPadding] {
  if (value === "same" || value === "valid") return [value, value];
  if (typeof value === "string") {
    throw new CalcError(`conv2d "padding" must be an integer, [h, w], "same" or "valid", got ${describe(value)}`, {
      path,
    });
  }
  return pair(value, `conv2d "padding"`, 0, path);
}

function pool2d(raw: Rec, type: "maxpool2d" | "avgpool2d", shape: Shape, w: Walk, path: string): Shape {
  const [c, h, wd] = spatial(shape, type, path);
  const kernel = pair(required(raw, "kernel", type, path), `${type} "kernel"`, 1, path);
  const stride = raw.stride === undefined ? kernel : pair(raw.stride, `${type} "stride"`, 1, path);
  const padding = pair(raw.padding ?? 0, `${type} "padding"`, 0, path);
  const ceilMode = boolean(raw.ceilMode ?? false, `${type} "ceilMode"`, path);
  const mode = type === "maxpool2d" ? "max" : "avg";
  const size = (input: number, i: 0 | 1) =>
    poolOutputSize({ input, kernel: kernel[i], stride: stride[i], padding: padding[i], ceilMode, mode });
  const out = [c, axis(type, "height", path, () => size(h, 0)), axis(type, "width", path, () => size(wd, 1))];
  push(w, path, type, out, 0, 0);
  return out;
}

/**
 * Walks a network spec and returns one row per layer plus totals, for one sample (batch 1).
 *
 * **Rows.** Every leaf layer (conv2d, batchnorm2d, activations, pools, flatten, linear) gets a row in
 * execution order. Containers do not: a `sequential` has no row, and a `residual` or `concat` adds one
 * *merge row* at its own path after its children's rows, of type `"add"` or `"concat"`, whose output is
 * the block's output (the sum or the concatenation, a new tensor) and whose params and MACs are 0 (they
 * live in the children's rows). So the totals are plain sums over rows and never double count.
 *
 * **Paths.** Dot-separated segments, one per level. A layer's segment is its `name` when it has one
 * (names may contain dots, so torchvision-style names like `downsample.0` give `layer1.0.downsample.0`),
 * otherwise its position: `layers[i]` at the top level or in a sequential, `body[i]` / `shortcut[i]` in a
 * residual, `branches[j][i]` in a concat, e.g. `layers[3].body[0]`. A sequential with `repeat` n > 1
 * inserts `repeat[r]` (0-based) so repetitions differ: `layers[2].repeat[1].layers[0]`. Paths must be
 * unique; two siblings with the same name throw.
 *
 * **Conventions.**
 * - `params`: learnable parameters as `sum(p.numel() for p in model.parameters())`: conv and linear
 *   weights and biases, batch-norm γ and β. Running statistics are `totals.buffers` (2C + 1 per batch norm,
 *   including `num_batches_tracked`), not params.
 * - `macs`: multiply-accumulates of conv2d and linear layers only (bias adds, batch norm, activations,
 *   pooling, adds and concats count 0), the convention behind torchvision's published "GFLOPS" column,
 *   which actually lists GMACs. `totals.flops` = 2 × `totals.macs`.
 * - `activationElements`: elements of each row's output for batch 1, including outputs of in-place
 *   layers (ReLU) and views (flatten); an upper bound on what autograd stores, not a measurement.
 * - `linear` acts on the **last** dimension, like `nn.Linear`: on `[C, H, W]` it maps W features and
 *   yields `[C, H, out]` (MACs C·H·W·out). Add a `flatten` first for the usual classifier head.
 * - `conv2d`, `batchnorm2d` and the pools need a `[C, H, W]` input. `concat` joins along the first
 *   per-sample dimension (channels, or features of flattened tensors); the other dimensions must match.
 *
 * **Validation.** The spec may be untyped JSON: it is checked while walking. Unknown layer types, unknown
 * or missing fields, non-integer or out-of-range values, a kernel larger than the padded input, channels
 * not divisible by groups, mismatched residual or concat shapes, duplicate paths, more than
 * {@link MAX_NETWORK_LAYERS} layers or nesting deeper than {@link MAX_NETWORK_DEPTH} all throw a
 * {@link CalcError} whose `path` is the layer path (or `input` / `layers` for the top-level fields) and
 * whose message starts with it.
 *
 * @example
 * ```ts
 * const r = analyzeNetwork({
 *   input: [3, 32, 32],
 *   layers: [
 *     { type: "conv2d", out: 16, kernel: 3, padding: 1, name: "conv" },
 *     { type: "relu" },
 *     { type: "adaptiveavgpool2d", output: 1 },
 *     { type: "flatten" },
 *     { type: "linear", out: 10, name: "fc" },
 *   ],
 * });
 * r.layers[0];        // { path: "conv", type: "conv2d", outputShape: [16, 32, 32], params: 448, macs: 442_368, … }
 * r.layers[1].path;   // "layers[1]"
 * r.totals.params;    // 618 = (3·3·3·16 + 16) + (16·10 + 10)
 * r.totals.macs;      // 442_528 = 32·32·16·3·3·3 + 16·10
 * ```
 */
export function analyzeNetwork(spec: NetworkSpec): NetworkAnalysis {
  const root: unknown = spec;
  if (!isRecord(root)) throw new CalcError(`a network spec must be an object, got ${describe(root)}`, { path: "spec" });
  for (const key of Object.keys(root)) {
    if (key !== "input" && key !== "layers") {
      throw new CalcError(`unknown field "${key}" (a spec has "input" and "layers")`, { path: "spec" });
    }
  }
  const input = root.input;
  if (!Array.isArray(input) || input.length !== 3) {
    throw new CalcError(`input must be [channels, height, width], got ${describe(input)}`, { path: "input" });
  }
  const shape = [
    integer(input[0], "channels", 1, "input"),
    integer(input[1], "height", 1, "input"),
    integer(input[2], "width", 1, "input"),
  ];
  const layers = layerList(root.layers, "layers", "layers");
  const w: Walk = { rows: [], buffers: 0, paths: new Set(), visits: 0 };
  walkList(layers, shape, w, "", "layers", 0);
  let params = 0;
  let macs = 0;
  let activationElements = 0;
  for (const row of w.rows) {
    params += row.params;
    macs += row.macs;
    activationElements += row.activationElements;
  }
  return {
    layers: w.rows,
    totals: {
      params: safeCount(params, "parameter total"),
      trainableParams: params,
      buffers: w.buffers,
      macs: safeCount(macs, "MAC total"),
      flops: safeCount(2 * macs, "FLOP total"),
      activationElements: safeCount(activationElements, "activation element total"),
    },
  };
}

/**
 * Validates untyped input (e.g. `JSON.parse` of the analyzer page's editor) as a {@link NetworkSpec} and
 * returns it typed. Runs the full analysis, so a spec that passes also has consistent shapes.
 * Throws {@link CalcError} naming the path otherwise (see {@link analyzeNetwork}).
 *
 * @example
 * ```ts
 * const spec = parseNetworkSpec(JSON.parse('{"input":[3,8,8],"layers":[{"type":"flatten"}]}'));
 * parseNetworkSpec({ input: [3, 8, 8], layers: [{ type: "conv3d" }] });
 * // throws CalcError 'layers[0]: unknown layer type "conv3d"'
 * ```
 */
export function parseNetworkSpec(value: unknown): NetworkSpec {
  analyzeNetwork(value as NetworkSpec);
  return value as NetworkSpec;
}
