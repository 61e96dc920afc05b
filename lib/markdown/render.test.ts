import type { Element, Root, RootContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MAX_MARKDOWN_LENGTH, renderInlineMarkdown, renderMarkdown } from "./index";

/** All elements of the rendered fragment, depth-first. */
function elements(html: string): Element[] {
  const found: Element[] = [];
  const walk = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === "element") {
        found.push(node);
        walk(node.children);
      }
    }
  };
  walk(fromHtml(html, { fragment: true }).children);
  return found;
}

function byTag(html: string, tag: string): Element[] {
  return elements(html).filter((element) => element.tagName === tag);
}

function textOf(node: Element | Root): string {
  return node.children
    .map((child) => (child.type === "text" ? child.value : child.type === "element" ? textOf(child) : ""))
    .join("");
}

function classes(element: Element): string[] {
  const value = element.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

describe("math", () => {
  it("renders inline math with KaTeX, including MathML", () => {
    const html = renderMarkdown("Area is $a^2$.");
    expect(html).toContain('class="katex"');
    expect(byTag(html, "math")).toHaveLength(1);
    const msup = byTag(html, "msup");
    expect(msup).toHaveLength(1);
    expect(textOf(msup[0]!)).toBe("a2");
    expect(html).not.toContain("katex-display");
  });

  it("renders $$...$$ as display math, also within a line", () => {
    for (const source of ["$$\\frac{1}{2}$$", "Half is $$\\frac{1}{2}$$ here.", "$$\n\\frac{1}{2}\n$$", "```math\n\\frac{1}{2}\n```"]) {
      const html = renderMarkdown(source);
      expect(html, source).toContain("katex-display");
      expect(byTag(html, "mfrac"), source).toHaveLength(1);
    }
  });

  it("renders \\sqrt{d_k}", () => {
    const html = renderMarkdown("Scale by $\\frac{1}{\\sqrt{d_k}}$.");
    expect(html).toContain('class="katex"');
    expect(byTag(html, "msqrt")).toHaveLength(1);
    expect(byTag(html, "msub")).toHaveLength(1);
    expect(html).not.toContain("katex-error");
  });

  it("renders an invalid formula as an error span instead of throwing", () => {
    const html = renderMarkdown("Before $\\frac{1}{$ after");
    const errors = elements(html).filter((element) => classes(element).includes("katex-error"));
    expect(errors).toHaveLength(1);
    expect(textOf(errors[0]!)).toBe("\\frac{1}{");
    expect(html).toContain("Before");
    expect(html).toContain("after");
  });

  it("refuses untrusted commands such as \\href instead of emitting links", () => {
    const html = renderMarkdown("$\\href{https://example.com}{x}$ and $\\htmlClass{evil}{y}$");
    expect(byTag(html, "a")).toHaveLength(0);
    // The TeX source survives in the MathML annotation, but no element may carry the requested class.
    expect(elements(html).filter((element) => classes(element).includes("evil"))).toHaveLength(0);
    // Refused commands are shown in the error colour rather than silently disappearing.
    expect(html).toContain("color:#cc0000");
  });

  it("does not let \\gdef from one render leak into the next", () => {
    // Within one formula the macro works, so the second assertion is meaningful.
    expect(renderMarkdown("$\\gdef\\leak{42}\\leak$")).toContain("<mn>42</mn>");
    const html = renderMarkdown("$\\leak$");
    expect(html).not.toContain("<mn>42</mn>");
    // An undefined control sequence is rendered as red literal text.
    expect(html).toContain("<mtext>\\leak</mtext>");
  });

  it("stops runaway macro expansion and huge sizes quickly", () => {
    const started = performance.now();
    const html = renderMarkdown("$\\def\\x{\\x\\x}\\x$ and $\\rule{100000em}{100000em}$");
    expect(performance.now() - started).toBeLessThan(2000);
    expect(html).toContain("katex-error");
    expect(html).toContain("Too many expansions");
    // maxSize caps the rule at 20em, so no enormous dimension reaches any style (the TeX source is still shown
    // in the MathML annotation, hence checking styles rather than the whole string).
    const styles = elements(html).map((element) => String(element.properties.style ?? ""));
    expect(styles.some((style) => style.includes("20em"))).toBe(true);
    expect(styles.some((style) => style.includes("100000"))).toBe(false);
  });

  describe("logging", () => {
    afterEach(() => vi.restoreAllMocks());

    it("writes nothing to the console, even for formulas KaTeX would warn about", () => {
      const spies = (["log", "warn", "error", "info", "debug"] as const).map((method) =>
        vi.spyOn(console, method).mockImplementation(() => undefined),
      );
      renderMarkdown("$é \\text{ü}$ $\\frac{1}{$ ```rust\nfn main() {}\n```");
      renderMarkdown("```rust\nfn main() {}\n```");
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    });
  });
});

describe("GitHub-flavoured Markdown", () => {
  it("renders tables with header cells and alignment", () => {
    const html = renderMarkdown("| name | value |\n| :--- | ---: |\n| a | 1 |");
    expect(byTag(html, "table")).toHaveLength(1);
    const headers = byTag(html, "th");
    expect(headers.map((th) => textOf(th))).toEqual(["name", "value"]);
    expect(headers.map((th) => th.properties.align)).toEqual(["left", "right"]);
    expect(byTag(html, "td").map((td) => textOf(td))).toEqual(["a", "1"]);
  });

  it("renders strikethrough", () => {
    const del = byTag(renderMarkdown("~~wrong~~ right"), "del");
    expect(del).toHaveLength(1);
    expect(textOf(del[0]!)).toBe("wrong");
  });

  it("renders task list items as disabled checkboxes", () => {
    const inputs = byTag(renderMarkdown("- [ ] open\n- [x] done"), "input");
    expect(inputs).toHaveLength(2);
    for (const input of inputs) {
      expect(input.properties.type).toBe("checkbox");
      expect(input.properties.disabled).toBe(true);
    }
    expect(inputs.map((input) => input.properties.checked === true)).toEqual([false, true]);
  });

  it("autolinks bare URLs", () => {
    const links = byTag(renderMarkdown("See https://example.com/paper for details."), "a");
    expect(links).toHaveLength(1);
    expect(links[0]!.properties.href).toBe("https://example.com/paper");
  });

  it("keeps footnote links pointing at the prefixed ids", () => {
    const html = renderMarkdown("Claim[^1].\n\n[^1]: Source.");
    const ids = new Set(elements(html).map((element) => element.properties.id).filter(Boolean));
    const fragmentLinks = byTag(html, "a")
      .map((a) => String(a.properties.href))
      .filter((href) => href.startsWith("#"));
    expect(fragmentLinks.length).toBeGreaterThanOrEqual(2);
    for (const href of fragmentLinks) {
      expect(href.startsWith("#user-content-")).toBe(true);
      expect(ids.has(href.slice(1))).toBe(true);
    }
  });
});

describe("code", () => {
  it("highlights python fences", () => {
    const html = renderMarkdown("```python\ndef forward(x):\n    return x\n```");
    expect(html).toContain('<code class="hljs language-python">');
    const keywords = elements(html).filter((element) => classes(element).includes("hljs-keyword"));
    expect(keywords.map((keyword) => textOf(keyword))).toContain("def");
  });

  it("highlights the registered aliases (ts, sh, yml)", () => {
    for (const [lang, source, keyword] of [
      ["ts", "const x: number = 1;", "const"],
      ["sh", "if true; then echo hi; fi", "if"],
      // highlight.js's YAML grammar includes the colon in the key token.
      ["yml", "key: value", "key:"],
    ] as const) {
      const html = renderMarkdown(`\`\`\`${lang}\n${source}\n\`\`\``);
      expect(html, lang).toContain(`class="hljs language-${lang}"`);
      const tokens = elements(html).filter((element) => classes(element).some((name) => name.startsWith("hljs-")));
      expect(tokens.map((token) => textOf(token)), lang).toContain(keyword);
    }
  });

  it("leaves unregistered languages as plain escaped code", () => {
    const html = renderMarkdown("```rust\nfn main() { let x = 1 < 2; }\n```");
    const code = byTag(html, "code");
    expect(code).toHaveLength(1);
    // rehype-highlight adds `hljs` before it finds the language is unknown; there are no token spans.
    expect(classes(code[0]!)).toEqual(["hljs", "language-rust"]);
    expect(code[0]!.children.every((child) => child.type === "text")).toBe(true);
    expect(textOf(code[0]!)).toBe("fn main() { let x = 1 < 2; }\n");
  });

  it("keeps HTML in code spans and fences as text", () => {
    const html = renderMarkdown("Use `<script>alert(1)</script>` carefully.\n\n```html\n<img src=x onerror=alert(1)>\n```");
    expect(byTag(html, "script")).toHaveLength(0);
    expect(byTag(html, "img")).toHaveLength(0);
    const code = byTag(html, "code");
    expect(textOf(code[0]!)).toBe("<script>alert(1)</script>");
    expect(textOf(code[1]!)).toBe("<img src=x onerror=alert(1)>\n");
  });
});

describe("images", () => {
  const assetBaseUrl = "/content-assets/cnn-fundamentals/";
  const srcs = (html: string) => byTag(html, "img").map((img) => img.properties.src);

  it("resolves relative paths against assetBaseUrl", () => {
    const html = renderMarkdown("![a](diagram.png) ![b](./figs/b%20c.svg) ![c](figs/../d.png)", { assetBaseUrl });
    expect(srcs(html)).toEqual([
      "/content-assets/cnn-fundamentals/diagram.png",
      "/content-assets/cnn-fundamentals/figs/b%20c.svg",
      "/content-assets/cnn-fundamentals/d.png",
    ]);
    expect(byTag(html, "img")[0]!.properties.alt).toBe("a");
  });

  it("resolves raw HTML images the same way", () => {
    expect(srcs(renderMarkdown('<img src="x.png" alt="x">', { assetBaseUrl }))).toEqual([
      "/content-assets/cnn-fundamentals/x.png",
    ]);
  });

  it("adds a missing trailing slash and supports absolute bases", () => {
    expect(srcs(renderMarkdown("![a](a.png)", { assetBaseUrl: "/content-assets/cnn" }))).toEqual([
      "/content-assets/cnn/a.png",
    ]);
    expect(srcs(renderMarkdown("![a](a.png)", { assetBaseUrl: "https://cdn.example.com/assets/" }))).toEqual([
      "https://cdn.example.com/assets/a.png",
    ]);
  });

  it("keeps absolute http(s) images", () => {
    expect(srcs(renderMarkdown("![a](https://example.com/a.png) ![b](http://example.com/b.png)"))).toEqual([
      "https://example.com/a.png",
      "http://example.com/b.png",
    ]);
  });

  it("drops images that escape the base, use other schemes or have no base", () => {
    const dropped = [
      "![x](../other-group/x.png)",
      "![x](%2e%2e/%2e%2e/api/x.png)",
      "![x](/api/admin/x.png)",
      "![x](//evil.example/x.png)",
      "![x](javascript:alert(1))",
      "![x](data:image/png;base64,iVBORw0KGgo=)",
      '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
      '<img src="javascript:alert(1)">',
      '<img src="\\\\evil.example\\x.png">',
      "![x](blob:https://example.com/uuid)",
    ];
    for (const source of dropped) {
      expect(byTag(renderMarkdown(`before ${source} after`, { assetBaseUrl }), "img"), source).toHaveLength(0);
    }
    expect(byTag(renderMarkdown("![x](x.png)"), "img")).toHaveLength(0);
  });

  it("rejects a base that is not an http(s) URL or root-relative path", () => {
    for (const base of ["javascript:alert(1)//", "//cdn.example.com/", "assets/", "/assets/?v=1"]) {
      expect(() => renderMarkdown("![a](a.png)", { assetBaseUrl: base }), base).toThrow(TypeError);
    }
  });
});

describe("links", () => {
  it("marks external links and leaves internal ones alone", () => {
    const links = byTag(
      renderMarkdown("[ext](https://arxiv.org/abs/1512.03385) [int](/questions/1) [frag](#top) [mail](mailto:a@b.c)"),
      "a",
    );
    expect(links.map((a) => a.properties.href)).toEqual([
      "https://arxiv.org/abs/1512.03385",
      "/questions/1",
      "#top",
      "mailto:a@b.c",
    ]);
    expect(links[0]!.properties.rel).toEqual(["noopener", "noreferrer", "nofollow"]);
    expect(links[0]!.properties.target).toBe("_blank");
    for (const link of links.slice(1)) {
      expect(link.properties.rel).toBeUndefined();
      expect(link.properties.target).toBeUndefined();
    }
  });

  it("treats protocol-relative links as external", () => {
    const links = byTag(renderMarkdown('<a href="//evil.example/">x</a>'), "a");
    expect(links[0]!.properties.target).toBe("_blank");
  });

  it("drops hrefs with protocols other than http, https and mailto", () => {
    const links = byTag(renderMarkdown("[a](irc://irc.example/x) [b](xmpp:a@b.c) [c](ftp://x.example/)"), "a");
    expect(links).toHaveLength(3);
    for (const link of links) expect(link.properties.href).toBeUndefined();
  });
});

describe("sanitisation", () => {
  it("allows kbd, sub, sup, br and details/summary", () => {
    const html = renderMarkdown(
      "Press <kbd>Ctrl</kbd>. H<sub>2</sub>O, x<sup>2</sup><br>next\n\n<details open><summary>Hint</summary>\n\nUse ReLU.\n\n</details>",
    );
    for (const tag of ["kbd", "sub", "sup", "br", "details", "summary"]) expect(byTag(html, tag), tag).toHaveLength(1);
    expect(byTag(html, "details")[0]!.properties.open).toBe(true);
  });

  it("prefixes ids and names so they cannot clobber globals", () => {
    const [div] = byTag(renderMarkdown('<div id="location" name="config">x</div>'), "div");
    expect(div!.properties.id).toBe("user-content-location");
  });

  it("removes style attributes and elements together with their content", () => {
    const html = renderMarkdown('<p style="color:red">kept</p>\n\n<style>p { color: red }</style>\n\nend');
    expect(html).not.toContain("style");
    expect(html).not.toContain("color");
    expect(html).toContain("kept");
    expect(html).toContain("end");
  });
});

describe("inline rendering", () => {
  it("unwraps the paragraph and keeps phrasing markup", () => {
    const html = renderInlineMarkdown("**Batch** norm with $\\gamma$ and `eps`");
    expect(html.startsWith("<strong>Batch</strong> norm with ")).toBe(true);
    expect(byTag(html, "p")).toHaveLength(0);
    expect(html).toContain('class="katex"');
    expect(byTag(html, "code")).toHaveLength(1);
  });

  it("keeps block syntax literal", () => {
    expect(renderInlineMarkdown("1. ReLU")).toBe("1. ReLU");
    expect(renderInlineMarkdown("# of parameters")).toBe("# of parameters");
    expect(renderInlineMarkdown("- 1")).toBe("- 1");
    expect(renderInlineMarkdown("> 0.5")).toBe("> 0.5");
    expect(renderInlineMarkdown("---")).toBe("---");
  });

  it("joins several paragraphs with a space and unwraps block HTML", () => {
    expect(renderInlineMarkdown("first\n\nsecond")).toBe("first second");
    expect(renderInlineMarkdown("<div>in <em>div</em></div>")).toBe("in <em>div</em>");
    expect(renderInlineMarkdown("  padded  ")).toBe("padded");
  });

  it("renders $$...$$ inline rather than as a display block", () => {
    const html = renderInlineMarkdown("$$\\frac{1}{2}$$");
    expect(html).toContain('class="katex"');
    expect(html).not.toContain("katex-display");
  });
});

describe("input limits", () => {
  it("accepts input up to MAX_MARKDOWN_LENGTH and rejects longer input with a RangeError", () => {
    expect(MAX_MARKDOWN_LENGTH).toBe(100_000);
    expect(renderMarkdown("a".repeat(MAX_MARKDOWN_LENGTH))).toContain("aaaa");
    expect(() => renderMarkdown("a".repeat(MAX_MARKDOWN_LENGTH + 1))).toThrow(RangeError);
    expect(() => renderInlineMarkdown("a".repeat(MAX_MARKDOWN_LENGTH + 1))).toThrow(/maximum is 100000/);
  });

  it("renders empty input as empty output", () => {
    expect(renderMarkdown("")).toBe("");
    expect(renderInlineMarkdown("")).toBe("");
  });
});
