import { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";

/**
 * Attributes that GitHub's schema allows on every element but that only matter on form controls. Forms are not
 * allowed at all, so these would only be dead weight, and `action` is not protocol-checked by the sanitiser:
 * dropping them means no `action="javascript:..."` can survive on any element.
 */
const FORM_ONLY_ATTRIBUTES = new Set(["action", "accept", "acceptCharset", "encType", "method"]);

/**
 * Elements that are removed together with their content. The sanitiser unwraps other unknown elements (keeping
 * their text), which for these would leak CSS, script source, SVG/MathML markup or nested document text into
 * the page as visible text. `math` is only user-supplied MathML here: KaTeX's own MathML is produced after
 * sanitising and is not affected.
 */
const STRIPPED_ELEMENTS = [
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "noembed",
  "noframes",
  "xmp",
  "plaintext",
  "textarea",
  "select",
  "title",
  "svg",
  "math",
];

/**
 * `picture`/`source` are dropped: `srcset` is not protocol-checked by the sanitiser and would also bypass the
 * image policy in `renderMarkdown` (which only looks at `img[src]`).
 */
const REMOVED_TAGS = new Set(["picture", "source"]);

const defaultAttributes = defaultSchema.attributes ?? {};

/**
 * Sanitisation schema: GitHub's (`defaultSchema` of rehype-sanitize), tightened and extended only as needed.
 *
 * Extended: `code` may carry the classes remark-math emits (`language-math`, `math-inline`, `math-display`, already
 * covered by `language-*`) so rehype-katex can find them after sanitising, plus `hljs`.
 * Tightened: link `href` only allows http, https, mailto and relative URLs; form attributes, `picture`/`source`
 * are removed; the content of script-like and foreign-content elements is dropped instead of being unwrapped.
 * Kept: `clobberPrefix` (`user-content-`) on `id`/`name`, so user HTML cannot clobber globals such as
 * `window.foo` through named elements.
 *
 * `<kbd>`, `<sub>`, `<sup>`, `<br>`, `<details>`/`<summary>` (with `open`) and table `align` are already allowed
 * by the default schema and are listed in the tests.
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => !REMOVED_TAGS.has(tag)),
  attributes: {
    ...Object.fromEntries(Object.entries(defaultAttributes).filter(([tag]) => !REMOVED_TAGS.has(tag))),
    code: [["className", /^language-./, "math-inline", "math-display", "hljs"]],
    "*": (defaultAttributes["*"] ?? []).filter(
      (attribute) => typeof attribute !== "string" || !FORM_ONLY_ATTRIBUTES.has(attribute),
    ),
  },
  protocols: {
    ...defaultSchema.protocols,
    href: ["http", "https", "mailto"],
    src: ["http", "https"],
  },
  strip: STRIPPED_ELEMENTS,
};
