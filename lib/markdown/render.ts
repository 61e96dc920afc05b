import type { KatexOptions } from "katex";
import { common } from "lowlight";
import rehypeHighlight from "rehype-highlight";
import rehypeKatex from "rehype-katex";
import rehypeRaw from "rehype-raw";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import {
  ASSET_BASE_KEY,
  normaliseAssetBaseUrl,
  rehypeAssetImages,
  rehypeExternalLinks,
  rehypeFragmentLinks,
  rehypeInlineOnly,
  remarkDoubleDollarDisplay,
  remarkInlineOnly,
} from "./plugins";
import { sanitizeSchema } from "./schema";

/**
 * Longest Markdown source (in UTF-16 code units, i.e. `string.length`) the renderer accepts. Content and admin
 * forms validate well below this; the limit only exists so a runaway input cannot tie up the server.
 */
export const MAX_MARKDOWN_LENGTH = 100_000;

/** Options for {@link renderMarkdown}. */
export interface RenderMarkdownOptions {
  /**
   * Base URL that relative image paths are resolved against, e.g. "/content-assets/cnn-fundamentals/": an
   * absolute http(s) URL or a root-relative path (a missing trailing slash is added). A relative path that
   * resolves outside this base (`../x.png`) is dropped. Absolute http(s) image URLs are kept; anything else
   * (data:, javascript:, protocol-relative //host, root-relative /x.png) is dropped.
   * Default: relative images are dropped.
   */
  assetBaseUrl?: string;
}

/**
 * KaTeX settings. `trust: false` refuses `\href`, `\url`, `\includegraphics` and `\html*`; `strict: "ignore"`
 * keeps KaTeX from writing warnings to the console; `maxExpand`/`maxSize` bound macro expansion and
 * user-specified sizes so a short formula cannot produce enormous output. `throwOnError` is set by rehype-katex,
 * which falls back to an error span itself. No `macros` object is passed on purpose: a shared one would let
 * `\gdef` in one user's text leak into every later render.
 */
const KATEX_OPTIONS: Omit<KatexOptions, "displayMode" | "throwOnError"> = {
  errorColor: "#cc0000",
  maxExpand: 1000,
  maxSize: 20,
  output: "htmlAndMathml",
  strict: "ignore",
  trust: false,
};

/**
 * Highlighted languages (with their built-in aliases such as py, ts, js, sh, yml, txt). Unlisted languages render
 * as plain code. The short list keeps highlighting predictable and grammar compilation cheap; it does not shrink
 * the bundle by itself, because rehype-highlight imports lowlight's `common` set as its default anyway (this
 * module only renders on the server).
 */
const HIGHLIGHT_LANGUAGES = Object.fromEntries(
  ["bash", "javascript", "json", "plaintext", "python", "typescript", "yaml"].map((name) => {
    const grammar = common[name];
    // Fails at import time (and so in every test run) if a lowlight upgrade ever renames a grammar.
    if (grammar === undefined) throw new Error(`lowlight has no grammar named ${name}`);
    return [name, grammar];
  }),
);

function createProcessor(inline: boolean) {
  const base = unified().use(remarkParse).use(remarkGfm).use(remarkMath);
  // Inline output has no room for display math, so `$$x$$` stays inline there.
  const parsed = inline ? base.use(remarkInlineOnly) : base.use(remarkDoubleDollarDisplay);
  const sanitized = parsed
    // Footnote ids without remark-rehype's own prefix: rehype-sanitize adds `user-content-` once, and
    // rehypeFragmentLinks points the footnote links at the prefixed ids.
    .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: "" })
    .use(rehypeRaw)
    // Sanitise before KaTeX and highlight.js: their markup (inline styles, MathML, hljs classes) is trusted
    // output and would be stripped otherwise, while everything the author wrote passes through here.
    .use(rehypeSanitize, sanitizeSchema);
  const shaped = inline ? sanitized.use(rehypeInlineOnly) : sanitized;
  return shaped
    .use(rehypeAssetImages)
    .use(rehypeExternalLinks)
    .use(rehypeFragmentLinks)
    .use(rehypeKatex, KATEX_OPTIONS)
    .use(rehypeHighlight, { languages: HIGHLIGHT_LANGUAGES, aliases: { bash: ["shell"] } })
    .use(rehypeStringify)
    .freeze();
}

// Built once: freezing runs every plugin's attacher (grammar registration etc.) a single time, and the frozen
// processors are stateless between calls because per-call options travel on the VFile.
const blockProcessor = createProcessor(false);
const inlineProcessor = createProcessor(true);

function checkInput(markdown: string): void {
  if (typeof markdown !== "string") throw new TypeError("Markdown input must be a string");
  if (markdown.length > MAX_MARKDOWN_LENGTH) {
    throw new RangeError(
      `Markdown input is ${markdown.length} characters long; the maximum is ${MAX_MARKDOWN_LENGTH}`,
    );
  }
}

/**
 * Renders trusted-or-not Markdown to a sanitised HTML string, synchronously (for server components).
 *
 * Supports GitHub-flavoured Markdown (tables, strikethrough, task lists, autolinks, footnotes), math with KaTeX
 * (`$...$` inline, `$$...$$` display; a bad formula renders as an error span), highlighted fenced code
 * (python, typescript, javascript, bash, json, yaml, plaintext) and images (see
 * {@link RenderMarkdownOptions.assetBaseUrl}). Raw HTML is parsed and sanitised against an allow-list; external
 * links get `target="_blank"` and `rel="noopener noreferrer nofollow"`. Wrap the result in `.prose-receptive`.
 *
 * @throws RangeError when `markdown` is longer than {@link MAX_MARKDOWN_LENGTH}.
 * @throws TypeError when `assetBaseUrl` is neither an absolute http(s) URL nor a root-relative path.
 */
export function renderMarkdown(markdown: string, options: RenderMarkdownOptions = {}): string {
  checkInput(markdown);
  const base = options.assetBaseUrl === undefined ? undefined : normaliseAssetBaseUrl(options.assetBaseUrl);
  const data: Record<string, unknown> = base === undefined ? {} : { [ASSET_BASE_KEY]: base };
  return String(blockProcessor.processSync({ value: markdown, data }));
}

/**
 * Renders a short, single-line Markdown string (a multiple-choice option, a title) to phrasing HTML only: no
 * wrapping `<p>`, no lists, headings, tables or code blocks (such syntax stays literal text, so "1. ReLU" is not
 * a list). Emphasis, code spans, links, `$math$` and sanitisation work as in {@link renderMarkdown}. Images need
 * an absolute http(s) URL since there is no asset base here. Several paragraphs are joined with a space.
 *
 * @throws RangeError when `markdown` is longer than {@link MAX_MARKDOWN_LENGTH}.
 */
export function renderInlineMarkdown(markdown: string): string {
  checkInput(markdown);
  return String(inlineProcessor.processSync(markdown));
}
