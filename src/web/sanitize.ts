// The rich-text body of a document is HTML typed or pasted by staff and shown on the public site.
// It passes through this strict allow-list before it is stored: a small tokenizer (no DOM), only
// the listed elements survive, every attribute is dropped except href (http, https or relative)
// and colspan/rowspan (small integers), the contents of script-like elements are dropped whole,
// every text run is decoded and re-escaped, and the output is balanced. Anything this does not
// understand becomes text, never markup.

const ALLOWED = new Set([
  'p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  'h2', 'h3', 'h4', 'a', 'blockquote',
]);
const VOID = new Set(['br']);
// Their content is not text for the reader (or is another document): dropped with the element.
const DROP_WITH_CONTENT = new Set([
  'script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript', 'noembed', 'noframes',
  'textarea', 'title', 'xmp', 'plaintext', 'svg', 'math', 'select', 'option', 'head', 'frameset', 'applet', 'audio', 'video',
]);
// Common synonyms kept as their allowed form, so pasted Word/WPS text keeps its emphasis.
const RENAME: Record<string, string> = { b: 'strong', i: 'em', h1: 'h2', h5: 'h4', h6: 'h4' };

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003',
  thinsp: '\u2009', middot: '·', mdash: '—', ndash: '–', hellip: '…', ldquo: '“', rdquo: '”',
  lsquo: '‘', rsquo: '’', laquo: '«', raquo: '»', times: '×', divide: '÷', deg: '°', plusmn: '±',
  copy: '©', reg: '®', yen: '¥', permil: '‰', sect: '§', para: '¶', bull: '•', colon: ':', tab: '\t',
  newline: '\n', lpar: '(', rpar: ')', sol: '/', comma: ',', period: '.', semi: ';', excl: '!',
};

/** Decodes character references (&amp; &#26032; &#x65B0; &nbsp;); unknown or invalid ones stay as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});?/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      // NUL, surrogates and out-of-range code points become U+FFFD, as browsers do.
      if (!Number.isFinite(cp) || cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(cp);
    }
    const named = NAMED_ENTITIES[ref] ?? NAMED_ENTITIES[ref.toLowerCase()];
    return named ?? whole;
  });
}

export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

export function escapeAttribute(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

type Token =
  | { type: 'text'; text: string }
  | { type: 'start'; name: string; attrs: Map<string, string>; selfClosing: boolean }
  | { type: 'end'; name: string };

const TAG_NAME = /^[A-Za-z][A-Za-z0-9:-]*/;

/** Reads attributes from the inside of a start tag (after the name, before '>'). */
function parseAttributes(src: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const re = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    const name = m[1].toLowerCase();
    if (!attrs.has(name)) attrs.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return attrs;
}

/** Finds the '>' that ends a tag starting at `from`, skipping quoted attribute values. */
function tagEnd(html: string, from: number): number {
  let quote = '';
  for (let i = from; i < html.length; i++) {
    const c = html[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      // A quote only opens a value right after '='.
      let j = i - 1;
      while (j >= from && /\s/.test(html[j])) j--;
      if (html[j] === '=') quote = c;
    } else if (c === '>') {
      return i;
    }
  }
  return -1;
}

function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  let text = '';
  const flush = () => {
    if (text) tokens.push({ type: 'text', text: decodeEntities(text) });
    text = '';
  };
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      text += html.slice(i);
      break;
    }
    text += html.slice(i, lt);
    const rest = html.slice(lt, lt + 10);
    if (rest.startsWith('<!--')) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (rest.startsWith('<!') || rest.startsWith('<?')) {
      // Doctype, CDATA, processing instructions, conditional comments: dropped.
      const end = rest.toUpperCase().startsWith('<![CDATA[') ? html.indexOf(']]>', lt) : html.indexOf('>', lt);
      i = end < 0 ? html.length : end + (html.startsWith(']]>', end) ? 3 : 1);
      continue;
    }
    const closing = html[lt + 1] === '/';
    const nameMatch = TAG_NAME.exec(html.slice(lt + (closing ? 2 : 1), lt + (closing ? 2 : 1) + 40));
    if (!nameMatch) {
      // '<' not starting a tag ("a < b", "<3"): literal text.
      text += '<';
      i = lt + 1;
      continue;
    }
    const end = tagEnd(html, lt + 1);
    if (end < 0) {
      // An unterminated tag swallows the rest of the input (as a browser would): nothing of it survives.
      i = html.length;
      break;
    }
    flush();
    const name = nameMatch[0].toLowerCase();
    if (closing) {
      tokens.push({ type: 'end', name });
      i = end + 1;
      continue;
    }
    const inner = html.slice(lt + 1 + nameMatch[0].length, end);
    const selfClosing = /\/\s*$/.test(inner);
    tokens.push({ type: 'start', name, attrs: parseAttributes(inner), selfClosing });
    i = end + 1;
    if (DROP_WITH_CONTENT.has(name) && !selfClosing) {
      // Skip to the matching end tag; everything inside, markup or not, is dropped.
      const close = new RegExp(`</${name}(?=[\\s/>])[^>]*>`, 'i').exec(html.slice(i));
      i = close ? i + close.index + close[0].length : html.length;
      tokens.push({ type: 'end', name });
    }
  }
  flush();
  return tokens;
}

/** http(s), mailto-less relative links only; returns the cleaned URL or null. */
export function safeHref(raw: string): string | null {
  // Browsers ignore tabs, newlines and leading control characters in URLs: so must the check.
  // eslint-disable-next-line no-control-regex
  const value = raw.replace(/[\u0000-\u0020\u007f-\u009f]+/g, (m, offset: number) => (offset === 0 ? '' : m.replace(/[\t\n\r]/g, ''))).trim();
  if (value === '' || value.length > 2000) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return null;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(value);
  if (scheme) {
    const s = scheme[1].toLowerCase();
    if (s !== 'http' && s !== 'https') return null;
    return value;
  }
  // A colon before any '/', '?' or '#' would be read as a scheme by some parser: refuse it.
  const firstDelimiter = value.search(/[/?#]/);
  const colon = value.indexOf(':');
  if (colon >= 0 && (firstDelimiter < 0 || colon < firstDelimiter)) return null;
  if (value.startsWith('\\') || value.startsWith('/\\')) return null;
  return value;
}

function spanValue(raw: string | undefined): string | null {
  if (raw === undefined || !/^\s*\d{1,3}\s*$/.test(raw)) return null;
  const n = Number(raw);
  return n >= 1 && n <= 100 ? String(n) : null;
}

const MAX_DEPTH = 40;
const BLOCK_CLOSES_P = new Set(['p', 'ul', 'ol', 'table', 'h2', 'h3', 'h4', 'blockquote']);

/** The allow-listed, balanced, entity-safe form of an HTML fragment. */
export function sanitizeHtml(html: string): string {
  const tokens = tokenize(html.replace(/\r\n?/g, '\n'));
  const out: string[] = [];
  const stack: string[] = [];
  for (const t of tokens) {
    if (t.type === 'text') {
      out.push(escapeText(t.text.replace(/\u0000/g, '')));
      continue;
    }
    const name = RENAME[t.name] ?? t.name;
    if (DROP_WITH_CONTENT.has(t.name)) {
      // The tokenizer already dropped what was inside; keep nothing of the element either.
      continue;
    }
    if (!ALLOWED.has(name)) continue; // unknown element: its text stays, the tag goes
    if (t.type === 'start') {
      if (VOID.has(name)) {
        out.push(`<${name}>`);
        continue;
      }
      if (stack.length >= MAX_DEPTH) continue;
      let attrs = '';
      if (name === 'a') {
        const href = safeHref(t.attrs.get('href') ?? '');
        if (href !== null) attrs += ` href="${escapeAttribute(href)}"`;
      }
      if (name === 'td' || name === 'th') {
        const colspan = spanValue(t.attrs.get('colspan'));
        const rowspan = spanValue(t.attrs.get('rowspan'));
        if (colspan) attrs += ` colspan="${colspan}"`;
        if (rowspan) attrs += ` rowspan="${rowspan}"`;
      }
      if (t.selfClosing) {
        out.push(`<${name}${attrs}></${name}>`);
        continue;
      }
      // A block inside a paragraph ends the paragraph (as an HTML parser would), so the output nests validly.
      if (BLOCK_CLOSES_P.has(name)) {
        const p = stack.lastIndexOf('p');
        if (p >= 0 && !stack.slice(p).some((s) => s === 'td' || s === 'th' || s === 'li' || s === 'blockquote')) {
          while (stack.length > p) out.push(`</${stack.pop()}>`);
        }
      }
      out.push(`<${name}${attrs}>`);
      stack.push(name);
      continue;
    }
    // End tag: close up to the matching open element; a stray end tag is ignored.
    if (VOID.has(name)) continue;
    const at = stack.lastIndexOf(name);
    if (at < 0) continue;
    while (stack.length > at) out.push(`</${stack.pop()}>`);
  }
  while (stack.length) out.push(`</${stack.pop()}>`);
  return out.join('');
}

const BLOCK = new Set(['p', 'br', 'li', 'tr', 'h2', 'h3', 'h4', 'blockquote', 'table', 'ul', 'ol', 'div', 'h1', 'h5', 'h6']);

/** Plain text of an HTML fragment (for search, summaries and feeds): tags removed, blocks on new lines. */
export function htmlToText(html: string): string {
  const parts: string[] = [];
  for (const t of tokenize(html)) {
    if (t.type === 'text') parts.push(t.text);
    else if (DROP_WITH_CONTENT.has(t.name)) continue;
    else if (BLOCK.has(t.name)) parts.push('\n');
    else if (t.name === 'td' || t.name === 'th') parts.push(' ');
  }
  return parts.join('').replace(/[ \t\u00a0]+/g, ' ').replace(/ *\n[\s]*/g, '\n').trim();
}

/** Whether a body looks like HTML (has a tag) rather than plain typed text. */
export function looksLikeHtml(s: string): boolean {
  return /<\/?[A-Za-z][^>]*>/.test(s);
}

/** Plain text typed into the body field: one paragraph per non-empty line, escaped. */
export function textToHtml(s: string): string {
  return s.replace(/\r\n?/g, '\n').split('\n').map((line) => line.trim()).filter((line) => line !== '')
    .map((line) => `<p>${escapeText(line)}</p>`).join('');
}

/** The body as stored: HTML sanitised, plain text turned into paragraphs. */
export function safeBodyHtml(raw: string): string {
  return sanitizeHtml(looksLikeHtml(raw) ? raw : textToHtml(raw));
}
