import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { sanitizeHtml, htmlToText, safeHref, decodeEntities } from '../../src/web/sanitize.ts';

describe('sanitizeHtml', () => {
  test('keeps the allowed elements and nothing else', () => {
    const html = '<h2>一、总则</h2><p>第一条 <strong>为了</strong><em>规范</em><br>管理</p><ul><li>甲</li></ul><ol><li>乙</li></ol><blockquote>引文</blockquote>'
      + '<table><thead><tr><th>学校</th></tr></thead><tbody><tr><td>黔城中学</td></tr></tbody></table><h3>三</h3><h4>四</h4>';
    assert.equal(sanitizeHtml(html), html);
  });

  test('script, style and other active content disappear with their content', () => {
    assert.equal(sanitizeHtml('<p>a</p><script>alert(1)</script><style>p{}</style><iframe src="x">y</iframe><p>b</p>'), '<p>a</p><p>b</p>');
    assert.equal(sanitizeHtml('<svg onload=alert(1)><script>alert(1)</script></svg>after'), 'after');
    assert.equal(sanitizeHtml('<SCRIPT SRC=//x.js></SCRIPT>x'), 'x');
    assert.equal(sanitizeHtml('<script>never closed'), '');
  });

  test('every attribute goes except href on links and colspan/rowspan on cells', () => {
    assert.equal(sanitizeHtml('<p onclick="alert(1)" style="color:red" class="x" id="y">t</p>'), '<p>t</p>');
    assert.equal(sanitizeHtml('<img src=x onerror=alert(1)>'), '');
    assert.equal(sanitizeHtml('<a href="https://www.gov.cn/" target="_blank" onmouseover="x">国务院</a>'), '<a href="https://www.gov.cn/">国务院</a>');
    assert.equal(sanitizeHtml('<table><tr><td colspan="2" rowspan="3" width="9">x</td><td colspan="abc">y</td><td rowspan="9999">z</td></tr></table>'),
      '<table><tr><td colspan="2" rowspan="3">x</td><td>y</td><td>z</td></tr></table>');
  });

  test('links: http, https and relative only, however they are disguised', () => {
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'jav&#x09;ascript:alert(1)',
      '&#106;avascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox', 'file:///etc/passwd', '\u0001javascript:x', 'javascript&colon;alert(1)']) {
      assert.equal(sanitizeHtml(`<a href="${bad}">x</a>`), '<a>x</a>', bad);
    }
    assert.equal(sanitizeHtml('<a href="/gk/hjjyj/doc/1">相关文件</a>'), '<a href="/gk/hjjyj/doc/1">相关文件</a>');
    assert.equal(sanitizeHtml('<a href="doc/2?a=1&amp;b=2#x">x</a>'), '<a href="doc/2?a=1&amp;b=2#x">x</a>');
    assert.equal(safeHref('http://example.gov.cn/a'), 'http://example.gov.cn/a');
    assert.equal(safeHref('mailto:a@b.cn'), null);
  });

  test('attribute values cannot break out of their quotes', () => {
    const out = sanitizeHtml('<a href=\'https://x.cn/"><script>alert(1)</script>\'>x</a>');
    assert.equal(out, '<a href="https://x.cn/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">x</a>');
    assert.equal(sanitizeHtml('<p title="a>b" onmouseover=x>t</p>'), '<p>t</p>');
  });

  test('text is decoded and re-escaped: entities never turn into markup', () => {
    assert.equal(sanitizeHtml('&lt;script&gt;alert(1)&lt;/script&gt;'), '&lt;script&gt;alert(1)&lt;/script&gt;');
    assert.equal(sanitizeHtml('a < b && c > d'), 'a &lt; b &amp;&amp; c &gt; d');
    assert.equal(sanitizeHtml('&#60;img src=x onerror=alert(1)&#62;'), '&lt;img src=x onerror=alert(1)&gt;');
    assert.equal(sanitizeHtml('学费&nbsp;标准&unknown;'), '学费\u00a0标准&amp;unknown;');
    assert.equal(decodeEntities('&#26032;&#x6559;&amp;'), '新教&');
  });

  test('unknown elements lose their tags but keep their text; synonyms are mapped', () => {
    assert.equal(sanitizeHtml('<div><span>正文</span></div><font color=red>红</font>'), '正文红');
    assert.equal(sanitizeHtml('<b>粗</b><i>斜</i><h1>题</h1>'), '<strong>粗</strong><em>斜</em><h2>题</h2>');
  });

  test('output is balanced: unclosed tags are closed, stray end tags dropped', () => {
    assert.equal(sanitizeHtml('<p>a<strong>b'), '<p>a<strong>b</strong></p>');
    assert.equal(sanitizeHtml('</p></strong>x'), 'x');
    assert.equal(sanitizeHtml('<p>a<table><tr><td>b</td></tr></table>'), '<p>a</p><table><tr><td>b</td></tr></table>');
  });

  test('comments, doctypes, CDATA and broken tags are dropped', () => {
    assert.equal(sanitizeHtml('<!-- <script>x</script> -->c<!DOCTYPE html><![CDATA[<script>]]>d'), 'cd');
    assert.equal(sanitizeHtml('<scr<script>ipt>alert(1)</script>'), 'ipt&gt;alert(1)');
    assert.equal(sanitizeHtml('<p>1 <3 and 5>4</p>'), '<p>1 &lt;3 and 5&gt;4</p>');
  });

  test('deep nesting is capped', () => {
    const deep = '<blockquote>'.repeat(500) + 'x';
    const out = sanitizeHtml(deep);
    assert.ok((out.match(/<blockquote>/g) ?? []).length <= 40);
    assert.equal((out.match(/<blockquote>/g) ?? []).length, (out.match(/<\/blockquote>/g) ?? []).length);
  });
});

test('htmlToText keeps the words and the block structure', () => {
  assert.equal(htmlToText('<p>一、总则</p><p>第一条 为了<strong>规范</strong></p><table><tr><td>甲</td><td>乙</td></tr></table><script>x</script>'), '一、总则\n第一条 为了规范\n甲 乙');
  assert.equal(htmlToText('a&amp;b'), 'a&b');
});
