import { describe, expect, it } from "vitest";
import { markdownToText, renderMarkdown } from "./markdown";
import { executableMarkup } from "./testing/executable-markup";

describe("renderMarkdown sanitising", () => {
  const payloads: [name: string, source: string][] = [
    ["script tag", "<script>alert(1)</script>"],
    ["script tag inside markdown paragraph", "Hello <script>document.cookie</script> world"],
    ["img onerror", "<img src=x onerror=alert(1)>"],
    ["svg onload", "<svg onload=alert(1)>"],
    ["svg with nested script", '<svg><script xlink:href="data:,alert(1)"></script></svg>'],
    ["markdown javascript: link", "[click me](javascript:alert(1))"],
    ["upper-case JAVASCRIPT: link", "[click me](JAVASCRIPT:alert(1))"],
    ["entity-encoded javascript: link", "[click me](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert(1))"],
    ["hex-encoded javascript: link with tab", "[click me](java&#x09;script:alert(1))"],
    ["html link with &colon;", '<a href="javascript&colon;alert(1)">click</a>'],
    ["html link with leading spaces", '<a href="   javascript:alert(1)">click</a>'],
    ["html link with newline entity", '<a href="jav&#x0A;ascript:alert(1)">click</a>'],
    ["vbscript: link", "[click me](vbscript:msgbox(1))"],
    ["data: URL link", "[click me](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
    ["data: URL html link", '<a href="data:text/html,<script>alert(1)</script>">click</a>'],
    ["markdown image with javascript:", "![x](javascript:alert(1))"],
    ["markdown image with data:", "![x](data:image/svg+xml,<svg onload=alert(1)>)"],
    ["protocol-relative link", '<a href="//evil.example/">click</a>'],
    ["iframe", '<iframe src="https://evil.example"></iframe>'],
    ["object", '<object data="javascript:alert(1)"></object>'],
    ["embed", '<embed src="https://evil.example/x.swf">'],
    ["style tag", "<style>body { display: none }</style>"],
    ["style attribute", '<p style="background:url(javascript:alert(1))">styled</p>'],
    ["event handler on an allowed tag", "<h2 onclick=alert(1)>hi</h2>"],
    ["event handler on an allowed link", '<a href="https://ok.example" onmouseover="alert(1)">ok</a>'],
    ["form with javascript: action", "<form action=javascript:alert(1)><button>go</button></form>"],
    ["details ontoggle", "<details open ontoggle=alert(1)>"],
    ["nested script mutation", "<scr<script>ipt>alert(1)</script>"],
    ["noscript title breakout", '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'],
    ["math/mglyph namespace confusion", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"],
    ["unclosed attribute quote", '<a href="https://ok.example" title="x onclick=alert(1)>click</a>'],
    ["meta refresh", '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
    ["base tag", '<base href="javascript:alert(1)//">'],
    ["input autofocus onfocus", "<input autofocus onfocus=alert(1)>"],
    ["markdown link with title breakout", '[x](https://ok.example "a\\" onmouseover=\\"alert(1)")'],
    ["reference-style javascript: link", "[x][1]\n\n[1]: javascript:alert(1)"],
  ];

  it.each(payloads)("neutralises %s", (_name, source) => {
    const html = renderMarkdown(source);
    expect(executableMarkup(html)).toEqual([]);
  });

  it("the checker itself flags each kind of dangerous markup", () => {
    // Guards the table above: if executableMarkup stopped detecting things, every row would pass.
    expect(executableMarkup("<script>x</script>")).not.toEqual([]);
    expect(executableMarkup('<img src="x" onerror="alert(1)">')).not.toEqual([]);
    expect(executableMarkup('<a href="javascript:alert(1)">x</a>')).not.toEqual([]);
    expect(executableMarkup('<a href="jav&#x09;ascript:alert(1)">x</a>')).not.toEqual([]);
    expect(executableMarkup('<a href="data:text/html,x">x</a>')).not.toEqual([]);
    expect(executableMarkup('<p style="color:red">x</p>')).not.toEqual([]);
    expect(executableMarkup("<iframe></iframe>")).not.toEqual([]);
    expect(executableMarkup('<p><a href="https://ok.example" rel="nofollow">ok</a></p>')).toEqual([]);
  });

  it("keeps the harmless text around removed markup", () => {
    expect(renderMarkdown("Hello <script>alert(1)</script> world")).toMatch(/^<p>Hello\s+world<\/p>$/);
    expect(renderMarkdown('<p style="color:red" onclick="x()">styled text</p>')).toBe("<p>styled text</p>");
  });

  it("escapes text that looks like markup instead of passing it through", () => {
    const html = renderMarkdown("5 < 6 & 7 > 3");
    expect(html).toBe("<p>5 &lt; 6 &amp; 7 &gt; 3</p>");
  });
});

describe("renderMarkdown formatting", () => {
  it("renders headings, demoting h1 to h2", () => {
    expect(renderMarkdown("# Big\n\n## Medium\n\n### Small")).toBe("<h2>Big</h2>\n<h2>Medium</h2>\n<h3>Small</h3>");
  });

  it("renders emphasis, lists, code, quotes and tables", () => {
    const html = renderMarkdown(
      "Some **bold**, _italic_ and ~~struck~~ text.\n\n- one\n- two\n\n3. three\n4. four\n\n> quoted\n\n`inline`\n\n```\nblock\n```\n\n| a | b |\n|---|--:|\n| 1 | 2 |",
    );
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<em>italic</em>");
    expect(html).toContain("<del>struck</del>");
    expect(html).toMatch(/<ul>\s*<li>one<\/li>\s*<li>two<\/li>\s*<\/ul>/);
    expect(html).toMatch(/<ol start="3">\s*<li>three<\/li>/);
    expect(html).toMatch(/<blockquote>\s*<p>quoted<\/p>\s*<\/blockquote>/);
    expect(html).toContain("<code>inline</code>");
    expect(html).toMatch(/<pre><code>block\s*<\/code><\/pre>/);
    expect(html).toMatch(/<th>a<\/th>\s*<th align="right">b<\/th>/);
    expect(html).toMatch(/<td>1<\/td>/);
  });

  it("marks links as untrusted and opens them in a new tab", () => {
    const html = renderMarkdown('See [our site](https://example.com/a?b=1 "Title") or <https://other.example>.');
    expect(html).toContain(
      '<a href="https://example.com/a?b=1" title="Title" rel="nofollow ugc noopener noreferrer" target="_blank">our site</a>',
    );
    expect(html).toContain(
      '<a href="https://other.example" rel="nofollow ugc noopener noreferrer" target="_blank">https://other.example</a>',
    );
  });

  it("replaces a rel or target written by the author", () => {
    const html = renderMarkdown('<a href="https://example.com" rel="opener" target="_self">x</a>');
    expect(html).toContain('rel="nofollow ugc noopener noreferrer"');
    expect(html).toContain('target="_blank"');
    expect(html).not.toContain('opener"');
    expect(html).not.toContain("_self");
  });

  it("allows mailto links", () => {
    expect(renderMarkdown("[mail us](mailto:shop@example.com)")).toContain('href="mailto:shop@example.com"');
  });

  it("renders nothing for empty input", () => {
    expect(renderMarkdown("")).toBe("");
  });
});

describe("markdownToText", () => {
  it("strips markup and collapses whitespace", () => {
    expect(markdownToText("# Title\n\nSome **bold**\ntext <script>x</script>")).toBe("Title Some bold text");
  });

  it("cuts long text at the limit with an ellipsis", () => {
    const text = markdownToText("word ".repeat(100), 20);
    expect(text.length).toBeLessThanOrEqual(20);
    expect(text.endsWith("…")).toBe(true);
  });
});
