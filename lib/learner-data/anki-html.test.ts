/**
 * Anki field HTML → Markdown. Each rule is checked on the Markdown itself and, where the point is what a learner
 * sees, through lib/markdown's renderer (the same one the study page uses).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/markdown";
import { ankiHtmlToMarkdown, decodeEntities, escapeMarkdown } from "./anki-html";

const md = (html: string) => ankiHtmlToMarkdown(html).markdown;
/** The rendered HTML without newlines between block tags, for compact expectations. */
const rendered = (html: string) => renderMarkdown(md(html)).replace(/>\n</g, "><").trim();

describe("ankiHtmlToMarkdown: line structure", () => {
  it("keeps <br> and <div> lines as line breaks and an empty line as a paragraph break", () => {
    expect(md("a<br>b<br><br>c")).toBe("a\\\nb\n\nc");
    expect(md("<div>Line 1</div><div>Line 2</div><div><br></div><div>Para 2</div>")).toBe("Line 1\\\nLine 2\n\nPara 2");
    expect(rendered("a<br>b<br><br>c")).toBe("<p>a<br>\nb</p><p>c</p>");
  });

  it("makes <p> a paragraph and drops <hr> (Anki's answer rule) as a paragraph break", () => {
    expect(md("<p>one</p><p>two</p>")).toBe("one\n\ntwo");
    expect(md("question<hr id=answer>answer")).toBe("question\n\nanswer");
  });

  it("collapses whitespace like a browser and trims lines", () => {
    expect(md("  lots   of\n\tspace  <br>  here ")).toBe("lots of space\\\nhere");
  });

  it("writes lists, nested ones indented under their item", () => {
    expect(md("<ul><li>one<br>more</li><li>two<ul><li>nested</li></ul></li></ul>after")).toBe("- one\\\nmore\n- two\n  - nested\n\nafter");
    expect(md("<ol><li>first</li><li>second</li></ol>")).toBe("1. first\n2. second");
    expect(rendered("<ol><li>first</li><li>second</li></ol>")).toBe("<ol><li>first</li><li>second</li></ol>");
  });

  it("turns <pre> into a fenced block long enough for the backticks inside", () => {
    expect(md("before<pre><code>def f(x):\n    return x*2</code></pre>after")).toBe("before\n\n```\ndef f(x):\n    return x*2\n```\n\nafter");
    expect(md("<pre>a ``` b<br>c</pre>")).toBe("````\na ``` b\nc\n````");
  });
});

describe("ankiHtmlToMarkdown: inline formatting", () => {
  it("converts bold, italic, strike-through and code", () => {
    expect(md("<b>bold <i>both</i> bold</b> <strong>s</strong> <em>e</em> <s>gone</s> <code>a_b*c</code>")).toBe("**bold *both* bold** **s** *e* ~~gone~~ `a_b*c`");
    expect(md("x <code>a`b</code>")).toBe("x ``a`b``");
  });

  it("keeps spaces outside emphasis markers so the emphasis still works", () => {
    expect(md("<b>Note: </b>text")).toBe("**Note:** text");
    expect(md("plain<b> bold</b>")).toBe("plain **bold**");
    expect(rendered("<b>Note: </b>text")).toBe("<p><strong>Note:</strong> text</p>");
  });

  it("closes and reopens emphasis at line breaks", () => {
    expect(md("<b>one<br>two</b>")).toBe("**one**\\\n**two**");
  });

  it("keeps http(s) and mailto links, and only the text of others", () => {
    expect(md('<a href="https://example.com/a b">site</a> <a href="javascript:alert(1)">bad</a> <a href="mailto:a@b.c">mail</a>')).toBe(
      "[site](https://example.com/a%20b) bad [mail](mailto:a@b.c)",
    );
    expect(md('<a href="https://e.com"><b>bold</b> link</a>')).toBe("**[bold](https://e.com)** [link](https://e.com)");
  });

  it("drops every other tag and keeps its text", () => {
    expect(md('<span style="color:red">red</span> <u>under</u> <font size=2>x</font><sup>2</sup>')).toBe("red under x2");
  });
});

describe("ankiHtmlToMarkdown: text and escaping", () => {
  it("decodes entities and escapes what Markdown would read as syntax", () => {
    const html = "2*3*4 &amp; a_b &lt;T&gt; $5 and $6 [x] `y` ~z~ a|b &amp;amp;";
    expect(md(html)).toBe("2\\*3\\*4 \\& a\\_b \\<T\\> \\$5 and \\$6 \\[x\\] \\`y\\` \\~z\\~ a\\|b \\&amp;");
    expect(rendered(html)).toBe("<p>2*3*4 &#x26; a_b &#x3C;T> $5 and $6 [x] `y` ~z~ a|b &#x26;amp;</p>");
  });

  it("escapes line starts that would be headings, lists, quotes or rules", () => {
    expect(md("# not heading<br>- not list<br>+ no<br>1. not numbered<br>2) nor this<br>===<br>&gt; not a quote")).toBe(
      "\\# not heading\\\n\\- not list\\\n\\+ no\\\n1\\. not numbered\\\n2\\) nor this\\\n\\===\\\n\\> not a quote",
    );
    expect(rendered("# h<br>- l<br>1. n<br>---")).toBe("<p># h<br>\n- l<br>\n1. n<br>\n---</p>");
  });

  it("shows any text exactly as written (property: rendered text equals the decoded input)", () => {
    // Printable ASCII and a few non-ASCII characters; spaces collapse as in HTML, so they are kept single here.
    const word = fc.stringMatching(/^[!-~é€]{1,12}$/).filter((text) => !/[<>&\\]/.test(text));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), (words) => {
        const text = words.join(" ");
        const { markdown } = ankiHtmlToMarkdown(text);
        const html = renderMarkdown(markdown);
        const shown = html
          .replace(/<[^>]+>/g, "")
          .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
          .replace(/&(amp|lt|gt|quot);/g, (_, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"' })[name]!)
          .trim();
        expect(shown).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it("converts MathJax and Anki's [$] delimiters for KaTeX, and leaves text with a stray $ alone", () => {
    expect(md("Formula \\(x^2 + y_i\\) and \\[\\sum_i x_i\\] and [$]a*b[/$] and [$$]c[/$$]")).toBe("Formula $x^2 + y_i$ and $$\\sum_i x_i$$ and $a*b$ and $$c$$");
    expect(md("\\(a &lt; b\\)")).toBe("$a < b$");
    expect(md("\\(costs $5\\)")).toBe("\\\\(costs \\$5\\\\)");
    expect(rendered("\\(x\\)")).toContain('class="katex"');
  });

  it("removes images, sounds, TTS tags and media elements, and counts them", () => {
    const result = ankiHtmlToMarkdown('<img src="a.png"> caption [sound:a.mp3] [anki:tts lang=en_US]read me[/anki:tts]<audio src=x><source src=y>fallback</audio><video>no</video><iframe src="https://x"></iframe>end');
    expect(result).toEqual({ markdown: "caption end", text: "caption end", images: 1, sounds: 2, otherMedia: 3 });
  });

  it("drops scripts, styles and comments with their content", () => {
    expect(md("<script>alert('<b>x</b>')</script><style>b { color: red }</style><!-- <b>hidden</b> -->ok")).toBe("ok");
  });

  it("treats a lone < as text and an unterminated tag as the end of the input", () => {
    expect(md("a < b")).toBe("a \\< b");
    expect(md('kept <b class="never closed')).toBe("kept");
  });

  it("removes control characters PostgreSQL cannot store", () => {
    expect(md("a\u0000b\u0007c&#0;")).toBe("abc\uFFFD");
  });

  it("gives the plain text for titles", () => {
    expect(ankiHtmlToMarkdown("<b>What</b> is <i>x</i>?<br>Second line").text).toBe("What is x?\nSecond line");
  });

  it("runs in linear time on pathological input", () => {
    const start = performance.now();
    md('<a "'.repeat(20_000));
    md("<b>".repeat(20_000));
    md("{{c1::".repeat(20_000));
    md("\\(".repeat(20_000));
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});

describe("decodeEntities", () => {
  it("decodes named, decimal and hex references; leaves unknown names; replaces invalid code points", () => {
    expect(decodeEntities("&eacute;&Uuml;&szlig;&times;&divide;&yuml;&alpha;&Omega;&le;&rarr;&nbsp;&#233;&#xE9;&#x1F600;")).toBe("éÜß×÷ÿαΩ≤→ éé😀");
    expect(decodeEntities("&unknown; &amp &lt &eacute &#xD800; &#1114112;")).toBe("&unknown; & < &eacute \uFFFD \uFFFD");
  });
});

describe("escapeMarkdown", () => {
  it("backslash-escapes Markdown's inline syntax characters", () => {
    expect(escapeMarkdown("a*b_c[d]<e>$f~g|h&i`j\\k")).toBe("a\\*b\\_c\\[d\\]\\<e\\>\\$f\\~g\\|h\\&i\\`j\\\\k");
  });
});
