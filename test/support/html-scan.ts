// A small HTML tokenizer after the WHATWG tokenization rules that matter for script injection
// (tags, attributes in all three quoting styles, comments, raw-text elements), independent of the
// sanitiser under test. It reports what a browser would execute or load from the markup.

export interface ScannedElement { name: string; attrs: Map<string, string> }

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);

function decodeAttr(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
    }
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', tab: '\t', newline: '\n', lpar: '(', rpar: ')' };
    return named[ref.toLowerCase()] ?? whole;
  });
}

/** Every start tag in the document, with its attributes (names lower-cased, values decoded). */
export function startTags(html: string): ScannedElement[] {
  const out: ScannedElement[] = [];
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    i = lt + 1;
    if (html.startsWith('!--', i)) {
      const end = html.indexOf('-->', i + 3);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (html[i] === '!' || html[i] === '?') {
      const end = html.indexOf('>', i);
      i = end < 0 ? n : end + 1;
      continue;
    }
    const closing = html[i] === '/';
    if (closing) i++;
    if (!/[A-Za-z]/.test(html[i] ?? '')) continue; // '<' followed by anything else is text
    let name = '';
    while (i < n && !/[\s/>]/.test(html[i])) name += html[i++];
    name = name.toLowerCase();
    const attrs = new Map<string, string>();
    // Attributes: name, optional '=' and a double-, single- or unquoted value.
    for (;;) {
      while (i < n && /[\s/]/.test(html[i])) i++;
      if (i >= n || html[i] === '>') { i++; break; }
      let attr = html[i++];
      while (i < n && !/[\s/>=]/.test(html[i])) attr += html[i++];
      while (i < n && /\s/.test(html[i])) i++;
      let value = '';
      if (html[i] === '=') {
        i++;
        while (i < n && /\s/.test(html[i])) i++;
        const q = html[i];
        if (q === '"' || q === "'") {
          const end = html.indexOf(q, i + 1);
          value = html.slice(i + 1, end < 0 ? n : end);
          i = end < 0 ? n : end + 1;
        } else {
          while (i < n && !/[\s>]/.test(html[i])) value += html[i++];
        }
      }
      attr = attr.toLowerCase();
      if (!attrs.has(attr)) attrs.set(attr, decodeAttr(value));
    }
    if (closing) continue;
    out.push({ name, attrs });
    if (RAW_TEXT.has(name)) {
      const re = new RegExp(`</${name}[\\s/>]`, 'ig');
      re.lastIndex = i;
      const m = re.exec(html);
      i = m ? m.index : n;
    }
  }
  return out;
}

const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster', 'background', 'srcdoc', 'codebase'];
const ACTIVE_ELEMENTS = new Set(['iframe', 'frame', 'object', 'embed', 'applet', 'base', 'style', 'math', 'portal', 'frameset']);

/**
 * What in the page could run script: inline or foreign scripts, event-handler attributes,
 * javascript:/vbscript:/data: URLs, embedding elements, meta refresh. Empty for a clean page.
 * `allowedScripts` are the site's own script files.
 */
export function executableMarkup(html: string, allowedScripts: RegExp = /^\/static\/[a-z0-9-]+\.js(\?v=[0-9a-f]+)?$/): string[] {
  const problems: string[] = [];
  for (const el of startTags(html)) {
    const where = `<${el.name}${[...el.attrs.keys()].map((k) => ` ${k}`).join('')}>`;
    if (el.name === 'script' && !allowedScripts.test(el.attrs.get('src') ?? '')) problems.push(`script element ${where} src=${el.attrs.get('src') ?? '(inline)'}`);
    if (ACTIVE_ELEMENTS.has(el.name)) problems.push(`active element ${where}`);
    if (el.name === 'meta' && /refresh/i.test(el.attrs.get('http-equiv') ?? '')) problems.push(`meta refresh ${where}`);
    for (const [k, v] of el.attrs) {
      if (k.startsWith('on')) problems.push(`event handler ${k} on ${where}`);
      if (k === 'style' && /expression|url\s*\(|javascript/i.test(v)) problems.push(`style attribute ${v} on ${where}`);
      // Browsers ignore control characters and whitespace inside a URL scheme.
      const scheme = v.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
      if (URL_ATTRS.includes(k) && /^(javascript|vbscript|data):/.test(scheme) && !(k === 'src' && el.name === 'img' && scheme.startsWith('data:image/'))) {
        problems.push(`${k}=${v} on ${where}`);
      }
    }
  }
  return problems;
}
