import type { ElementContent, Root, RootContent } from "hast";
import type { Root as MdastRoot } from "mdast";
import type { Processor } from "unified";
import { visit, SKIP } from "unist-util-visit";

/** Prefix rehype-sanitize puts in front of every `id`/`name` (its default `clobberPrefix`). */
const CLOBBER_PREFIX = "user-content-";

/** Placeholder origin used to resolve root-relative base URLs with the WHATWG URL parser. */
const PLACEHOLDER_ORIGIN = "http://receptive.invalid";

/**
 * Key under which the per-call image base URL travels on the VFile, so one frozen processor (with its compiled
 * highlight.js grammars) can be reused for every call.
 */
export const ASSET_BASE_KEY = "receptiveAssetBaseUrl";

/**
 * Makes a URL look the way a browser's URL parser sees it: leading/trailing C0 controls and spaces are ignored
 * and tabs/newlines anywhere are removed, so `/\t/evil.example` is really `//evil.example`.
 */
function browserNormalisedUrl(url: string): string {
  return url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "").replace(/[\t\n\r]/g, "");
}

/**
 * Checks and normalises the caller's asset base URL. Only absolute http(s) URLs and root-relative paths make
 * sense as a place images live; anything else is a programming error, reported loudly rather than guessed at.
 *
 * @returns The base with a trailing slash, so `a.png` resolves inside it rather than next to it.
 */
export function normaliseAssetBaseUrl(base: string): string {
  const isAbsolute = /^https?:\/\//i.test(base);
  const isRootRelative = base.startsWith("/") && !base.startsWith("//") && !base.includes("\\");
  if ((!isAbsolute && !isRootRelative) || /[?#\s]/.test(base)) {
    throw new TypeError(
      `assetBaseUrl must be an absolute http(s) URL or a root-relative path without query or fragment, got ${JSON.stringify(base)}`,
    );
  }
  return base.endsWith("/") ? base : `${base}/`;
}

/**
 * Decides the final `src` of an image.
 *
 * Absolute http(s) URLs are kept. A relative path is resolved against `base` and kept only if the result is still
 * inside `base` (so `../../api/...` cannot turn an image into a request to another part of the app).
 * Everything else — other schemes, protocol-relative `//host`, root-relative paths, backslashes, or any relative
 * path when there is no base — yields `undefined` and the image is dropped.
 */
export function resolveImageSrc(src: string, base: string | undefined): string | undefined {
  const url = browserNormalisedUrl(src);
  if (url === "" || url.includes("\\")) return undefined;

  if (/^https?:\/\//i.test(url)) {
    try {
      return new URL(url).href;
    } catch {
      return undefined;
    }
  }

  // A scheme (data:, javascript:, blob:, ...), protocol-relative or root-relative URL: not an asset path.
  if (/^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith("/")) return undefined;
  if (base === undefined) return undefined;

  const isAbsoluteBase = /^https?:\/\//i.test(base);
  let baseUrl: URL;
  let resolved: URL;
  try {
    baseUrl = isAbsoluteBase ? new URL(base) : new URL(base, PLACEHOLDER_ORIGIN);
    resolved = new URL(url, baseUrl);
  } catch {
    return undefined;
  }
  if (resolved.origin !== baseUrl.origin || !resolved.pathname.startsWith(baseUrl.pathname)) return undefined;
  return isAbsoluteBase ? resolved.href : `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

/**
 * Applies the image policy of {@link resolveImageSrc} to every `<img>`; images without an acceptable source are
 * removed entirely (a broken-image icon helps nobody). Runs after sanitising, which already removed unsafe schemes.
 */
export function rehypeAssetImages() {
  return (tree: Root, file: { data: Record<string, unknown> }) => {
    const rawBase = file.data[ASSET_BASE_KEY];
    const base = typeof rawBase === "string" ? rawBase : undefined;
    visit(tree, "element", (node, index, parent) => {
      if (node.tagName !== "img" || parent === undefined || index === undefined) return;
      const src = node.properties.src;
      const resolved = typeof src === "string" ? resolveImageSrc(src, base) : undefined;
      if (resolved === undefined) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      node.properties.src = resolved;
      // Content images are below the fold more often than not; lazy loading costs nothing.
      node.properties.loading = "lazy";
      return undefined;
    });
  };
}

/** Whether a (sanitised) `href` leaves the app: absolute http(s), or protocol-relative as browsers read it. */
function isExternalHref(href: string): boolean {
  const url = browserNormalisedUrl(href);
  return /^https?:/i.test(url) || /^[\\/]{2}/.test(url);
}

/**
 * Opens external links in a new tab without giving the target page a handle on ours (`noopener`), without leaking
 * the referring URL (`noreferrer`) and without lending our ranking to user-supplied links (`nofollow`). The
 * renderer has no notion of the app's own host, so every absolute http(s) link counts as external.
 */
export function rehypeExternalLinks() {
  return (tree: Root) => {
    visit(tree, "element", (node) => {
      if (node.tagName !== "a") return;
      const href = node.properties.href;
      if (typeof href !== "string" || !isExternalHref(href)) return;
      node.properties.rel = ["noopener", "noreferrer", "nofollow"];
      node.properties.target = "_blank";
    });
  };
}

/**
 * Keeps in-page links working after the sanitiser prefixed every `id` with `user-content-`: a `#x` link is
 * rewritten to `#user-content-x` when (and only when) such an id exists in the same document. This is what makes
 * GFM footnote references and back-references jump to the right place without client-side script.
 */
export function rehypeFragmentLinks() {
  return (tree: Root) => {
    const ids = new Set<string>();
    visit(tree, "element", (node) => {
      if (typeof node.properties.id === "string") ids.add(node.properties.id);
    });
    if (ids.size === 0) return;
    visit(tree, "element", (node) => {
      const href = node.properties.href;
      if (node.tagName !== "a" || typeof href !== "string" || !href.startsWith("#")) return;
      let fragment: string;
      try {
        fragment = decodeURIComponent(href.slice(1));
      } catch {
        return;
      }
      const target = `${CLOBBER_PREFIX}${fragment}`;
      if (!fragment.startsWith(CLOBBER_PREFIX) && ids.has(target)) node.properties.href = `#${encodeURIComponent(target)}`;
    });
  };
}

/**
 * Renders `$$...$$` written inside a line as display math. remark-math only treats `$$` on lines of their own as
 * display math and turns `$$x$$` within text into inline math, while authors (and GitHub) mean display math by
 * double dollars. The delimiter is not kept in the tree, so it is read back from the source via the node's offset.
 * KaTeX's display wrapper is a `display: block` span, so it is still valid inside the paragraph.
 */
export function remarkDoubleDollarDisplay() {
  return (tree: MdastRoot, file: { value: unknown }) => {
    const source = String(file.value);
    visit(tree, "inlineMath", (node) => {
      const start = node.position?.start.offset;
      if (start === undefined || !source.startsWith("$$", start)) return;
      node.data = {
        ...node.data,
        hProperties: { ...node.data?.hProperties, className: ["language-math", "math-display"] },
      };
    });
  };
}

/**
 * Block-level Markdown constructs switched off for inline rendering. Without this, an option such as
 * "1. ReLU" would become an ordered list and "# of parameters" a heading; with it they stay literal text.
 * `htmlFlow` is off too, so raw HTML is parsed as inline HTML (and still sanitised).
 */
const BLOCK_CONSTRUCTS = [
  "blockQuote",
  "codeFenced",
  "codeIndented",
  "definition",
  "headingAtx",
  "htmlFlow",
  "list",
  "setextUnderline",
  "thematicBreak",
  "table",
  "gfmFootnoteDefinition",
  "mathFlow",
];

/** Remark plugin that disables block constructs in micromark (see {@link BLOCK_CONSTRUCTS}). */
export function remarkInlineOnly(this: Processor) {
  const data = this.data();
  const extensions = data.micromarkExtensions ?? (data.micromarkExtensions = []);
  extensions.push({ disable: { null: BLOCK_CONSTRUCTS } });
}

/**
 * Phrasing elements that may stay in inline output; anything else from the sanitised tree (a `<div>`,
 * `<table>`, `<details>`, ... written as raw HTML) is unwrapped so the result fits inside a `<label>` or `<h1>`.
 */
const PHRASING_TAGS = new Set([
  "a",
  "b",
  "br",
  "code",
  "del",
  "em",
  "i",
  "img",
  "input",
  "ins",
  "kbd",
  "q",
  "rp",
  "rt",
  "ruby",
  "s",
  "samp",
  "span",
  "strike",
  "strong",
  "sub",
  "sup",
  "tt",
  "var",
]);

function unwrapNonPhrasing(nodes: ElementContent[]): ElementContent[] {
  const result: ElementContent[] = [];
  for (const node of nodes) {
    if (node.type !== "element") {
      result.push(node);
    } else if (PHRASING_TAGS.has(node.tagName)) {
      node.children = unwrapNonPhrasing(node.children);
      result.push(node);
    } else {
      result.push(...unwrapNonPhrasing(node.children));
    }
  }
  return result;
}

/**
 * Turns the tree into phrasing content only: top-level paragraphs are unwrapped (joined by a space if there are
 * several) and any other non-phrasing element is replaced by its children. Runs after sanitising and before
 * KaTeX, so KaTeX's own markup (MathML elements, display wrappers) is never touched.
 */
export function rehypeInlineOnly() {
  return (tree: Root) => {
    const flattened: ElementContent[] = [];
    for (const child of tree.children as RootContent[]) {
      if (child.type === "element" && child.tagName === "p") {
        if (child.children.length === 0) continue;
        if (flattened.length > 0) flattened.push({ type: "text", value: " " });
        flattened.push(...child.children);
      } else if (child.type === "text" && child.value.trim() === "") {
        // Newlines remark-rehype puts between blocks; they would double the paragraph separator.
      } else if (child.type !== "doctype") {
        flattened.push(child);
      }
    }
    const phrasing = unwrapNonPhrasing(flattened);
    // Inter-block newlines and unwrapped blocks leave whitespace at the edges, which would show up in a
    // button label or title; whitespace inside the string is the author's and stays.
    const first = phrasing[0];
    if (first?.type === "text") first.value = first.value.trimStart();
    const last = phrasing[phrasing.length - 1];
    if (last?.type === "text") last.value = last.value.trimEnd();
    tree.children = phrasing.filter((node) => node.type !== "text" || node.value !== "");
  };
}
