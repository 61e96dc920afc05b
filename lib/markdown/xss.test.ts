import fc from "fast-check";
import type { Element, RootContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import { describe, expect, it } from "vitest";
import { renderInlineMarkdown, renderMarkdown } from "./index";

/*
 * Security properties of the rendered HTML, checked by re-parsing the output the way a browser would
 * (hast-util-from-html is parse5, a spec-compliant HTML parser) and walking every element. The allow-lists are
 * written out here on purpose instead of being imported from the implementation, so a loosened schema fails
 * these tests rather than silently redefining what they accept.
 */

/** Elements any author may produce (GitHub's sanitiser set minus picture/source). */
const ALLOWED_TAGS = new Set([
  "a", "b", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt", "em",
  "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd", "li", "ol", "p", "pre",
  "q", "rp", "rt", "ruby", "s", "samp", "section", "span", "strike", "strong", "sub", "summary", "sup",
  "table", "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "ul", "var",
]);

/** Extra elements KaTeX emits (MathML, and SVG for stretchy glyphs such as \sqrt); only valid inside its output. */
const KATEX_ONLY_TAGS = new Set([
  "math", "semantics", "annotation", "mrow", "mi", "mn", "mo", "ms", "mtext", "mspace", "msup", "msub",
  "msubsup", "mfrac", "msqrt", "mroot", "mstyle", "mpadded", "mphantom", "mover", "munder", "munderover",
  "mtable", "mtr", "mtd", "menclose", "svg", "path", "line",
]);

/** Properties (hast names, lower-cased) holding URLs that a browser would load or navigate to. */
const URL_PROPERTIES = new Set([
  "href", "src", "xlinkhref", "action", "formaction", "srcset", "cite", "longdesc", "poster", "data",
  "background", "codebase", "manifest", "ping", "dynsrc", "lowsrc", "values", "to", "from", "by",
]);

const DANGEROUS_SCHEME = /^(?:javascript|vbscript|data):/;

/** What the URL parser would see: controls and whitespace removed everywhere, case folded. */
function normaliseUrl(value: string): string {
  return value.replace(/[\u0000-\u0020\u007f-\u009f\s]/g, "").toLowerCase();
}

function classList(element: Element): string[] {
  const value = element.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

/** Returns every violation found in `html`; an empty list means the output is safe by these rules. */
function violations(html: string): string[] {
  const problems: string[] = [];
  const walk = (nodes: RootContent[], insideKatex: boolean) => {
    for (const node of nodes) {
      if (node.type !== "element") continue;
      const katex = insideKatex || classList(node).some((name) => name === "katex" || name === "katex-error");
      if (!ALLOWED_TAGS.has(node.tagName) && !(katex && KATEX_ONLY_TAGS.has(node.tagName))) {
        problems.push(`tag <${node.tagName}>`);
      }
      for (const [name, raw] of Object.entries(node.properties)) {
        const lower = name.toLowerCase();
        const value = Array.isArray(raw) ? raw.join(" ") : String(raw);
        if (lower.startsWith("on")) problems.push(`event handler ${name} on <${node.tagName}>`);
        if (URL_PROPERTIES.has(lower)) {
          // srcset and SVG animation values are lists; every entry must be safe.
          for (const part of value.split(/[,;]/)) {
            if (DANGEROUS_SCHEME.test(normaliseUrl(part))) problems.push(`${name}=${JSON.stringify(value)}`);
          }
        }
        if (lower === "style") {
          if (!katex) problems.push(`style on <${node.tagName}> outside KaTeX`);
          const css = normaliseUrl(value);
          if (css.includes("url(") || css.includes("expression(") || css.includes("javascript")) {
            problems.push(`style=${JSON.stringify(value)}`);
          }
        }
      }
      walk(node.children, katex);
    }
  };
  walk(fromHtml(html, { fragment: true }).children, false);
  return problems;
}

function visibleText(html: string): string {
  const parts: string[] = [];
  const walk = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === "text") parts.push(node.value);
      else if (node.type === "element") walk(node.children);
    }
  };
  walk(fromHtml(html, { fragment: true }).children);
  return parts.join("");
}

interface Payload {
  readonly name: string;
  readonly source: string;
  /**
   * The payload legitimately consumes everything after it, as it would in a browser: an unclosed raw-text element
   * or comment, or an unclosed `<math>` whose HTML integration point (`<mtext>`) adopts the following paragraphs
   * and which the sanitiser then strips with its content. Only the text before it is required to survive.
   */
  readonly swallowsRest?: boolean;
}

const PAYLOADS: readonly Payload[] = [
  // Script elements in many spellings.
  { name: "script", source: "<script>alert(1)</script>" },
  { name: "SCRIPT upper case", source: "<SCRIPT>alert(1)</SCRIPT>" },
  { name: "script mixed case", source: "<ScRiPt>alert(1)</sCrIpT>" },
  { name: "script src", source: '<script src="https://evil.example/x.js"></script>' },
  { name: "script slash src data", source: "<script/src=data:,alert(1)></script>" },
  { name: "script with newline in tag", source: "<script\n>alert(1)</script\n>" },
  { name: "double angle script", source: "<<script>alert(1)//<</script>" },
  { name: "unclosed script", source: "<script>alert(1)", swallowsRest: true },
  { name: "nested split script", source: "<scr<script>ipt>alert(1)</scr</script>ipt>" },
  { name: "module script", source: "<script type=\"module\">import('//evil.example')</script>" },
  // Event handlers.
  { name: "img onerror", source: "<img src=x onerror=alert(1)>" },
  { name: "IMG ONERROR upper case", source: '<IMG SRC=x ONERROR="alert(1)">' },
  { name: "onerror with newline before =", source: "<img src=x onerror\n=alert(1)>" },
  { name: "slash-separated attributes", source: '<img/src="x"/onerror=alert(1)>' },
  { name: "img src eval", source: "<img src=x:alert(1) onerror=eval(src)>" },
  { name: "unterminated img", source: "<img src=x onerror=alert(1)//" },
  { name: "body onload", source: "<body onload=alert(1)>" },
  { name: "frameset onload", source: "<frameset onload=alert(1)>" },
  { name: "svg onload", source: "<svg onload=alert(1)>" },
  { name: "a onmouseover", source: '<a href="#" onmouseover="alert(1)">x</a>' },
  { name: "safe link with onclick and style", source: '<a href="https://ok.example" onclick="alert(1)" style="color:red">ok</a>' },
  { name: "input onfocus autofocus", source: "<input onfocus=alert(1) autofocus>" },
  { name: "checkbox onclick", source: '<input type="checkbox" disabled onclick="alert(1)">' },
  { name: "details ontoggle", source: "<details open ontoggle=alert(1)><summary>s</summary>x</details>" },
  { name: "button onclick", source: "<button onclick=alert(1)>x</button>" },
  { name: "select onfocus", source: "<select onfocus=alert(1) autofocus><option>x</option></select>" },
  { name: "marquee onstart", source: "<marquee onstart=alert(1)>x</marquee>" },
  { name: "audio onerror", source: "<audio src=x onerror=alert(1)>" },
  { name: "video source onerror", source: '<video><source onerror="alert(1)"></video>' },
  { name: "keygen onfocus", source: "<keygen autofocus onfocus=alert(1)>" },
  { name: "isindex", source: "<isindex type=image src=1 onerror=alert(1)>" },
  { name: "closing p then img", source: "</p><img src=x onerror=alert(1)><p>" },
  // SVG and MathML.
  { name: "svg script", source: "<svg><script>alert(1)</script></svg>" },
  {
    name: "svg animate href",
    source: '<svg><animate attributeName="href" values="javascript:alert(1)" /><a id="x"><text x="20" y="20">X</text></a></svg>',
  },
  { name: "svg set onmouseover", source: '<svg><set attributeName="onmouseover" to="alert(1)"/></svg>' },
  { name: "svg a xlink:href", source: '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>' },
  { name: "html a xlink:href", source: '<a xlink:href="javascript:alert(1)">x</a>' },
  { name: "svg use data href", source: '<svg><use href="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+#x"/></svg>' },
  { name: "svg style", source: "<svg><style>&lt;img src=x onerror=alert(1)&gt;</style></svg>" },
  { name: "math href", source: '<math href="javascript:alert(1)">CLICK</math>' },
  { name: "maction xlink", source: '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">CLICK</maction></math>' },
  { name: "mXSS mglyph style", source: "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", swallowsRest: true },
  {
    name: "mXSS h1 mglyph svg",
    source: '<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style><img src onerror=alert(1)>"></style></h1>',
    swallowsRest: true,
  },
  { name: "mXSS svg p style", source: '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">' },
  {
    name: "mXSS form math",
    source: "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
    swallowsRest: true,
  },
  { name: "noscript title breakout", source: '<noscript><p title="</noscript><img src=x onerror=alert(1)>">' },
  // Embedding and document-level elements.
  { name: "iframe javascript", source: '<iframe src="javascript:alert(1)"></iframe>' },
  { name: "iframe srcdoc", source: '<iframe srcdoc="<script>alert(1)</script>"></iframe>' },
  { name: "object data javascript", source: '<object data="javascript:alert(1)"></object>' },
  { name: "object scriptlet", source: '<object type="text/x-scriptlet" data="https://evil.example/x.sct"></object>' },
  { name: "embed", source: '<embed src="javascript:alert(1)">' },
  { name: "applet", source: '<applet code="x.class"></applet>' },
  { name: "base href", source: '<base href="https://evil.example/">' },
  { name: "meta refresh", source: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">' },
  { name: "link import", source: '<link rel="import" href="https://evil.example/x.html">' },
  { name: "link stylesheet javascript", source: '<link rel=stylesheet href="javascript:alert(1)">' },
  { name: "template", source: "<template><script>alert(1)</script><img src=x onerror=alert(1)></template>" },
  { name: "xmp", source: "<xmp><script>alert(1)</script></xmp>" },
  { name: "noembed", source: "<noembed><img src=x onerror=alert(1)></noembed>" },
  { name: "textarea", source: "<textarea><script>alert(1)</script></textarea>" },
  { name: "title", source: "<title><img src=x onerror=alert(1)></title>" },
  { name: "plaintext", source: "<plaintext><script>alert(1)</script>", swallowsRest: true },
  { name: "html comment", source: "<!--<img src=x onerror=alert(1)>-->" },
  { name: "unclosed comment", source: "<!--<img src=x onerror=alert(1)>", swallowsRest: true },
  { name: "cdata", source: "<![CDATA[<img src=x onerror=alert(1)>]]>" },
  // Forms.
  { name: "form action", source: '<form action="javascript:alert(1)"><button>x</button></form>' },
  { name: "button formaction", source: '<form><button formaction="javascript:alert(1)">x</button></form>' },
  { name: "div action", source: '<div action="javascript:alert(1)">x</div>' },
  { name: "input image src", source: '<input type="image" src="javascript:alert(1)">' },
  // CSS.
  { name: "style import", source: "<style>@import 'https://evil.example/x.css';</style>" },
  { name: "style background url", source: '<p style="background:url(javascript:alert(1))">x</p>' },
  { name: "style expression", source: '<div style="width: expression(alert(1))">x</div>' },
  { name: "table background", source: '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>' },
  // HTML links with obfuscated schemes.
  { name: "a javascript", source: '<a href="javascript:alert(1)">x</a>' },
  { name: "a JaVaScRiPt", source: '<a href="JaVaScRiPt:alert(1)">x</a>' },
  { name: "a tab entity", source: '<a href="jav&#x09;ascript:alert(1)">x</a>' },
  { name: "a decimal entity j", source: '<a href="&#106;avascript:alert(1)">x</a>' },
  {
    name: "a fully hex-encoded",
    source: '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>',
  },
  {
    name: "a padded decimal entities without semicolons",
    source:
      '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">x</a>',
  },
  { name: "a leading spaces", source: '<a href="   javascript:alert(1)">x</a>' },
  { name: "a newline inside scheme", source: '<a href="java\nscript:alert(1)">x</a>' },
  { name: "a leading control char", source: '<a href="\u0001javascript:alert(1)">x</a>' },
  { name: "a &colon;", source: '<a href="javascript&colon;alert(1)">x</a>' },
  { name: "a unquoted", source: "<a href=javascript:alert(1)>x</a>" },
  { name: "a unterminated attribute", source: '<a href="javascript:alert(1)' },
  { name: "a vbscript", source: '<a href="vbscript:msgbox(1)">x</a>' },
  { name: "a data html", source: '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>' },
  { name: "img srcset", source: '<img src="x.png" srcset="javascript:alert(1) 1x, x.png 2x">' },
  { name: "img data svg", source: '<img src="data:image/svg+xml,<svg onload=alert(1)>">' },
  { name: "picture source srcset", source: '<picture><source srcset="javascript:alert(1)"><img src="x.png"></picture>' },
  // Markdown links and images.
  { name: "md link javascript", source: "[x](javascript:alert(1))" },
  { name: "md link JAVASCRIPT", source: "[x](JAVASCRIPT:alert(1))" },
  { name: "md link vbscript", source: "[x](vbscript:msgbox(1))" },
  { name: "md link data", source: "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)" },
  { name: "md link angle destination", source: "[x](<javascript:alert(1)>)" },
  { name: "md link entity colon", source: "[x](javascript&#58;alert(1))" },
  { name: "md link entity j", source: "[x](&#x6A;avascript:alert(1))" },
  { name: "md link escaped tab", source: "[x](jav&#9;ascript:alert(1))" },
  { name: "md reference link", source: "[x][r]\n\n[r]: javascript:alert(1)" },
  { name: "md shortcut reference with title", source: '[x]\n\n[x]: javascript:alert(1) "title"' },
  { name: "md image javascript", source: "![x](javascript:alert(1))" },
  { name: "md image data svg", source: "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)" },
  { name: "md autolink javascript", source: "<javascript:alert(1)>" },
  { name: "md autolink vbscript", source: "<vbscript:msgbox(1)>" },
  { name: "md autolink data", source: "<data:text/html,<script>alert(1)</script>>" },
  { name: "md link title quote break", source: '[x](https://example.com "t\\" onmouseover=\\"alert(1)")' },
  { name: "md link quote in url", source: '[x](https://example.com/"onmouseover="alert(1))' },
  { name: "md image alt quote break", source: '![x" onerror="alert(1)](https://example.com/x.png)' },
  { name: "md link containing html", source: "[<img src=x onerror=alert(1)>](https://example.com)" },
  // Math.
  { name: "katex href", source: "$\\href{javascript:alert(1)}{x}$" },
  { name: "katex url display", source: "$$\\url{javascript:alert(1)}$$" },
  { name: "katex htmlId", source: "$\\htmlId{x}{y}$" },
  { name: "katex htmlData", source: "$\\htmlData{foo=bar}{x}$" },
  { name: "katex htmlClass", source: "$\\htmlClass{x}{y}$" },
  { name: "katex htmlStyle", source: "$\\htmlStyle{background:url(javascript:alert(1))}{x}$" },
  { name: "katex includegraphics", source: "$\\includegraphics{javascript:alert(1)}$" },
  { name: "katex textcolor url", source: "$\\textcolor{url(javascript:alert(1))}{x}$" },
  { name: "html inside inline math", source: "$<img src=x onerror=alert(1)>$" },
  { name: "html inside display math", source: "$$\n</span><script>alert(1)</script>\n$$" },
  { name: "math fence with html", source: "```math\n<svg onload=alert(1)>\n```" },
  { name: "raw code.math-display", source: '<code class="math-display">\\href{javascript:alert(1)}{x}</code>' },
  { name: "fake katex class", source: '<span class="katex" style="background:url(javascript:alert(1))">x</span>' },
  // Code.
  { name: "code span script", source: "`<script>alert(1)</script>`" },
  { name: "fenced html", source: "```html\n<script>alert(1)</script>\n```" },
  { name: "fence info breaking attribute", source: '```"><img src=x onerror=alert(1)>\nx\n```' },
  { name: "raw pre code class", source: '<pre><code class="language-python" onclick="alert(1)">def x(): pass</code></pre>' },
];

const HARMLESS_BEFORE = "Harmless intro text.";
const HARMLESS_AFTER = "Harmless closing text.";

function wrap(source: string): string {
  return `${HARMLESS_BEFORE}\n\n${source}\n\n${HARMLESS_AFTER}`;
}

const renderers = [
  ["renderMarkdown", (markdown: string) => renderMarkdown(markdown, { assetBaseUrl: "/content-assets/xss/" })],
  ["renderInlineMarkdown", renderInlineMarkdown],
] as const;

describe("XSS corpus", () => {
  it("has enough distinct payloads", () => {
    expect(new Set(PAYLOADS.map((payload) => payload.source)).size).toBe(PAYLOADS.length);
    expect(new Set(PAYLOADS.map((payload) => payload.name)).size).toBe(PAYLOADS.length);
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(50);
  });

  for (const [rendererName, render] of renderers) {
    describe(rendererName, () => {
      it.each(PAYLOADS)("neutralises $name", ({ source, swallowsRest }) => {
        const html = render(wrap(source));
        expect(violations(html)).toEqual([]);
        const text = visibleText(html);
        expect(text).toContain(HARMLESS_BEFORE);
        if (!swallowsRest) expect(text).toContain(HARMLESS_AFTER);
      });
    });
  }
});

describe("the walker itself", () => {
  // Guards against a walker that passes everything: each of these must be flagged.
  it.each([
    ["<script>alert(1)</script>", "tag <script>"],
    ['<img src="x.png" onerror="alert(1)">', "event handler onError on <img>"],
    ['<a href=" jav\tascript:alert(1)">x</a>', 'href=" jav\\tascript:alert(1)"'],
    ['<img src="DATA:image/png;base64,AA">', 'src="DATA:image/png;base64,AA"'],
    ['<p style="color:red">x</p>', "style on <p> outside KaTeX"],
    ['<span class="katex"><span style="background:url(x)">x</span></span>', 'style="background:url(x)"'],
    ["<math><mi>x</mi></math>", "tag <math>"],
  ])("flags %s", (html, problem) => {
    expect(violations(html)).toContain(problem);
  });

  it("accepts KaTeX's own output", () => {
    expect(violations(renderMarkdown("$\\sqrt{d_k}$ and $$\\frac{QK^T}{\\sqrt{d_k}}$$ and $\\color{red}{x}$"))).toEqual([]);
  });
});

describe("arbitrary input", () => {
  const fragments = fc.constantFrom(
    "<", ">", "</", "/>", "on", "onerror", "onload", "=", '"', "'", "`", " ", "\n", "\n\n", "\t", "\u0000",
    "javascript:", "JaVaScRiPt:", "vbscript:", "data:", "&#", "&#x6A;", "x09;", ";", ":", "(", ")", "[", "]",
    "!", "$", "$$", "\\href{", "\\url{", "{", "}", "#", "-", "*", "|", "a", "img", "svg", "math", "script",
    "style", "iframe", "href", "src", "srcset", "xlink:href", "formaction", "action", "mglyph", "mtext",
    "table", "template", "<!--", "-->", "```", "url(", "alert(1)", "x",
  );
  const htmlish = fc.array(fragments, { maxLength: 40 }).map((parts) => parts.join(""));
  const inputs = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: "grapheme", maxLength: 100 }), htmlish);

  for (const [rendererName, render] of renderers) {
    it(`${rendererName} output always passes the walker`, () => {
      fc.assert(
        fc.property(inputs, (markdown) => {
          expect(violations(render(markdown))).toEqual([]);
        }),
        { numRuns: 300 },
      );
    });
  }
});
