import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { normalizeText, normalizeWithOffsets, toTraditional } from '../../src/search/normalize.ts';
import {
  ftsMatchExpression,
  highlight,
  indexTokens,
  isPrefixToken,
  MAX_QUERY_TOKENS,
  queryTokens,
  titleTermCount,
  tsQueryTokens,
} from '../../src/search/tokenize.ts';

const NOTICE =
  '洪江市教育局关于做好2026年义务教育招生入学工作的通知\n各乡镇中心学校、市直各学校：\n' +
  '根据《中华人民共和国义务教育法》，现将2026年秋季招生范围、学费减免及入学报名有关事项通知如下。';

describe('normalizeText', () => {
  test('full-width Latin, digits and space become half-width, lower case', () => {
    assert.equal(normalizeText('ＡＢＣ１２３'), 'abc123');
    assert.equal(normalizeText('Ａ　Ｂ'), 'a b');
    assert.equal(normalizeText('ＧＯＶ．ＣＮ'), 'gov.cn');
    assert.equal(normalizeText('Hello WORLD'), 'hello world');
  });

  test('whitespace runs collapse to one space and the ends are trimmed', () => {
    assert.equal(normalizeText('  招生\n\n\t范围 \u00a0\u3000 学校  '), '招生 范围 学校');
    assert.equal(normalizeText('\r\n'), '');
    assert.equal(normalizeText(''), '');
  });

  test('Traditional (Taiwan, Hong Kong, OpenCC standard) becomes Simplified', () => {
    assert.equal(normalizeText('學費'), '学费');
    assert.equal(normalizeText('招生範圍'), '招生范围');
    assert.equal(normalizeText('臺灣'), '台湾');
    assert.equal(normalizeText('衞生'), '卫生'); // Hong Kong form
    assert.equal(normalizeText('衛生'), '卫生'); // Taiwan form
    assert.equal(normalizeText('義務教育'), '义务教育');
  });

  test('Simplified text is left unchanged, including characters the Taiwan converter gets wrong', () => {
    for (const s of ['显著', '著作', '乾隆', '干部', '头发', '发布', '下载软件', '文件程序']) {
      assert.equal(normalizeText(s), s);
    }
  });

  test('compatibility forms: Kangxi radicals from PDF text layers, circled numbers, full-width punctuation', () => {
    assert.equal(normalizeText('⽂件'), '文件'); // U+2F42 KANGXI RADICAL SCRIPT
    assert.equal(normalizeText('①'), '1');
    assert.equal(normalizeText('（一）'), '(一)');
    assert.equal(normalizeText('招生，范围'), '招生,范围');
  });

  test('zero-width characters inside words are dropped', () => {
    assert.equal(normalizeText('招\u200b生'), '招生');
    assert.equal(normalizeText('\ufeff学费'), '学费');
    assert.equal(normalizeText('soft\u00adhyphen'), 'softhyphen');
  });

  test('is idempotent', () => {
    for (const s of [NOTICE, 'ＡＢＣ　學費 ⽂', 'Ⅻ ½ ㈱ 𠀀𠀁', '  a  b  ', 'a ¨ b ㏂']) {
      const once = normalizeText(s);
      assert.equal(normalizeText(once), once);
    }
  });

  test('characters outside the Basic Multilingual Plane survive', () => {
    assert.equal(normalizeText('𠀀𠀁 X'), '𠀀𠀁 x');
  });
});

describe('normalizeWithOffsets', () => {
  test('text is exactly normalizeText', () => {
    for (const s of [NOTICE, ' ＡＢ　 c½ 學費 ', '\u200b', '𠀀學']) {
      assert.equal(normalizeWithOffsets(s).text, normalizeText(s));
    }
  });

  test('every output unit points at the source characters it came from', () => {
    const source = ' ＡＢ　 c½ 學費\n';
    const { text, starts, ends } = normalizeWithOffsets(source);
    assert.equal(text, 'ab c1⁄2 学费');
    assert.equal(starts.length, text.length);
    assert.deepEqual(
      Array.from(text, (_, i) => source.slice(starts[i], ends[i])),
      ['Ａ', 'Ｂ', '　 ', 'c', '½', '½', '½', ' ', '學', '費'],
    );
  });

  test('offsets stay aligned across supplementary-plane characters', () => {
    const source = '𠀀學費';
    const { text, starts, ends } = normalizeWithOffsets(source);
    assert.equal(text, '𠀀学费');
    assert.equal(source.slice(starts[2], ends[2]), '學');
    assert.equal(source.slice(starts[3], ends[3]), '費');
  });
});

describe('toTraditional', () => {
  test('Simplified → Taiwan Traditional; other text unchanged', () => {
    assert.equal(toTraditional('学费'), '學費');
    assert.equal(toTraditional('招生范围'), '招生範圍');
    assert.equal(toTraditional('abc 123'), 'abc 123');
  });
});

describe('indexTokens', () => {
  test('a CJK run gives its overlapping bigrams and its last character', () => {
    assert.equal(indexTokens('招生工作'), '招生 生工 工作 作');
    assert.equal(indexTokens('招生'), '招生 生');
  });

  test('a single CJK character is its own token', () => {
    assert.equal(indexTokens('年'), '年');
    assert.equal(indexTokens('第3章'), '第 3 章');
  });

  test('Latin and digit runs are whole lower-case words; punctuation separates', () => {
    assert.equal(indexTokens('ABC-12 Gov.CN'), 'abc 12 gov cn');
    assert.equal(indexTokens('2026年招生'), '2026 年招 招生 生');
    assert.equal(indexTokens('11431281MB1234567X/2026-00012'), '11431281mb1234567x 2026 00012');
  });

  test('normalises first: full-width and Traditional text index like their plain forms', () => {
    assert.equal(indexTokens('ＡＢＣ１２３'), 'abc123');
    assert.equal(indexTokens('學費'), indexTokens('学费'));
  });

  test('empty and punctuation-only text has no tokens', () => {
    assert.equal(indexTokens(''), '');
    assert.equal(indexTokens('，。、（）〔〕'), '');
  });
});

describe('queryTokens', () => {
  test('each term gives its bigrams; Traditional and Simplified queries agree', () => {
    assert.deepEqual(queryTokens('招生'), [['招生']]);
    assert.deepEqual(queryTokens('招生范围'), [['招生', '生范', '范围']]);
    assert.deepEqual(queryTokens('學費'), queryTokens('学费'));
    assert.deepEqual(queryTokens('學費 招生'), [['学费'], ['招生']]);
  });

  test('single characters, words and mixed terms', () => {
    assert.deepEqual(queryTokens('年'), [['年']]);
    assert.deepEqual(queryTokens('ＡＢＣ'), [['abc']]);
    assert.deepEqual(queryTokens('2026年招生'), [['2026', '年招', '招生']]);
  });

  test('repeated tokens are dropped, and terms with nothing searchable', () => {
    assert.deepEqual(queryTokens('招生 招生 ，。 *'), [['招生']]);
    assert.deepEqual(queryTokens('哈哈哈'), [['哈哈']]);
    assert.deepEqual(queryTokens(''), []);
  });

  test('the number of tokens is capped', () => {
    const long = Array.from({ length: 200 }, (_, i) => `w${i}`).join(' ');
    assert.equal(queryTokens(long).flat().length, MAX_QUERY_TOKENS);
  });

  test('every substring of a text finds the text through its tokens', () => {
    // The design's guarantee: any query of 2+ CJK characters finds every document containing it;
    // single characters through prefix tokens.
    const text = '义务教育招生入学工作，学费减免';
    const indexed = indexTokens(text).split(' ');
    const present = (token: string): boolean =>
      isPrefixToken(token) ? indexed.some((t) => t.startsWith(token)) : indexed.includes(token);
    for (let i = 0; i < text.length; i++) {
      for (let j = i + 1; j <= text.length; j++) {
        const q = text.slice(i, j);
        const tokens = queryTokens(q).flat();
        if (tokens.length === 0) continue; // the comma alone
        assert.ok(tokens.every(present), `query ${q} should match`);
      }
    }
  });

  test('a query whose bigram is absent does not match', () => {
    const indexed = new Set(indexTokens('招生入学').split(' '));
    assert.ok(!queryTokens('招学').flat().every((t) => indexed.has(t)));
  });
});

describe('ftsMatchExpression', () => {
  test('quoted tokens joined with AND; single CJK characters as prefixes', () => {
    assert.equal(ftsMatchExpression('招生范围'), '"招生" AND "生范" AND "范围"');
    assert.equal(ftsMatchExpression('學費 年'), '"学费" AND "年"*');
    assert.equal(ftsMatchExpression('ABC'), '"abc"');
  });

  test('nothing searchable gives null', () => {
    assert.equal(ftsMatchExpression(''), null);
    assert.equal(ftsMatchExpression('  *  ()  "" '), null);
  });

  test('FTS5 syntax typed by a user is neutralised', () => {
    assert.equal(ftsMatchExpression('" OR 1=1 --'), '"or" AND "1"');
    assert.equal(ftsMatchExpression('NEAR(招生 范围)'), '"near" AND "招生" AND "范围"');
    assert.equal(ftsMatchExpression('title:招生'), '"title" AND "招生"');
    assert.equal(ftsMatchExpression('招生*'), '"招生"');
    assert.equal(ftsMatchExpression('^招生 -范围 +学费 {title body}: NOT AND'), '"招生" AND "范围" AND "学费" AND "title" AND "body" AND "not" AND "and"');
    for (const q of ['" OR 1=1 --', 'NEAR(', '*', 'title:', '"', "'; DROP TABLE x; --", '招生" OR "x']) {
      const expr = ftsMatchExpression(q);
      if (expr === null) continue;
      // Every token is a complete quoted string with nothing but letters, digits or CJK inside.
      assert.match(expr, /^"[\p{L}\p{N}]+"\*?(?: AND "[\p{L}\p{N}]+"\*?)*$/u, q);
    }
  });

  test('runs on a real SQLite FTS5 table and finds the right documents', () => {
    const db = new Database(':memory:');
    db.exec("CREATE VIRTUAL TABLE docs USING fts5(tokens, tokenize = 'unicode61')");
    const insert = db.prepare('INSERT INTO docs(rowid, tokens) VALUES (?, ?)');
    insert.run(1, indexTokens(NOTICE));
    insert.run(2, indexTokens('關於公布2026年學費標準的公告 NEAR title OR'));
    insert.run(3, indexTokens('预算公开 ABC123'));
    const search = (q: string): number[] => {
      const expr = ftsMatchExpression(q);
      if (expr === null) return [];
      return db
        .prepare('SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rowid')
        .all(expr)
        .map((r) => (r as { rowid: number }).rowid);
    };
    assert.deepEqual(search('招生'), [1]);
    assert.deepEqual(search('招生範圍'), [1]);
    assert.deepEqual(search('学费'), [1, 2]);
    assert.deepEqual(search('學費標準'), [2]);
    assert.deepEqual(search('公'), [2, 3]); // 公布, 公告 and 公开 through the prefix token
    assert.deepEqual(search('告'), [2]); // the last character of a run
    assert.deepEqual(search('ａｂｃ１２３'), [3]);
    assert.deepEqual(search('2026'), [1, 2]);
    assert.deepEqual(search('招生 预算'), []);
    // Injection attempts run without an FTS5 syntax error and match only literal words.
    assert.deepEqual(search('" OR 1=1 --'), []);
    assert.deepEqual(search('NEAR('), [2]);
    assert.deepEqual(search('title:'), [2]);
    assert.deepEqual(search('tokens:招生 OR 预算'), []);
    assert.deepEqual(search('*'), []);
    assert.deepEqual(search('"'), []);
    db.close();
  });
});

describe('tsQueryTokens', () => {
  test('quoted lexemes joined with &; single CJK characters as prefixes', () => {
    assert.equal(tsQueryTokens('招生范围'), "'招生' & '生范' & '范围'");
    assert.equal(tsQueryTokens('學費 年'), "'学费' & '年':*");
  });

  test('tsquery operators and quotes typed by a user are neutralised', () => {
    assert.equal(tsQueryTokens("o'brien & !x | (y) <-> z:*"), "'o' & 'brien' & 'x' & 'y' & 'z'");
    assert.equal(tsQueryTokens("\\' OR 1=1 --"), "'or' & '1'");
    assert.equal(tsQueryTokens('!&|()'), null);
    assert.equal(tsQueryTokens(''), null);
  });
});

describe('titleTermCount', () => {
  test('counts the query terms whose tokens are all in the title, Traditional and prefix queries included', () => {
    const title = indexTokens('洪江市2026年秋季學費標準公示');
    assert.equal(titleTermCount(title, queryTokens('学费')), 1);
    assert.equal(titleTermCount(title, queryTokens('学费 公示 招生')), 2);
    assert.equal(titleTermCount(title, queryTokens('2026 秋')), 2); // 秋 is a prefix of 秋季
    assert.equal(titleTermCount(title, queryTokens('费公')), 0); // 费标, not 费公
    assert.equal(titleTermCount('', queryTokens('学费')), 0);
    assert.equal(titleTermCount(title, []), 0);
  });
});

describe('highlight', () => {
  const joined = (segments: { text: string }[]): string => segments.map((s) => s.text).join('');
  const marked = (segments: { text: string; match: boolean }[]): string[] =>
    segments.filter((s) => s.match).map((s) => s.text);

  test('a Traditional query marks the Simplified text, with the source characters', () => {
    const segments = highlight('现将学费减免有关事项通知如下', '學費');
    assert.deepEqual(segments, [
      { text: '现将', match: false },
      { text: '学费', match: true },
      { text: '减免有关事项通知如下', match: false },
    ]);
  });

  test('a Simplified query marks Traditional and full-width text', () => {
    assert.deepEqual(marked(highlight('公布學費標準', '学费')), ['學費']);
    assert.deepEqual(marked(highlight('代码ＡＢＣ１２３号', 'abc123')), ['ＡＢＣ１２３']);
  });

  test('every occurrence of every term inside the snippet is marked; adjacent matches merge', () => {
    const segments = highlight(NOTICE, '招生 2026');
    assert.deepEqual(marked(segments), ['2026', '招生', '2026', '招生']);
    assert.deepEqual(marked(highlight('招生范围', '招生 范围')), ['招生范围']);
  });

  test('Latin and digit terms match whole words only, as the index does', () => {
    assert.deepEqual(marked(highlight('government gov', 'gov')), ['gov']);
    assert.deepEqual(marked(highlight('2026-00012 号', '12')), []);
  });

  test('the snippet is cut around the first match, with ellipses, within maxLength', () => {
    const text = '甲'.repeat(300) + '招生范围' + '乙'.repeat(300);
    const segments = highlight(text, '招生', { maxLength: 40 });
    assert.equal(segments[0].text.startsWith('…'), true);
    assert.equal(segments[segments.length - 1].text.endsWith('…'), true);
    assert.deepEqual(marked(segments), ['招生']);
    assert.ok(joined(segments).length <= 42);
    // More context after the match than before it.
    assert.ok(segments[0].text.length < segments[2].text.length);
  });

  test('a match at the very start has no leading ellipsis; at the end no trailing one', () => {
    const start = highlight('招生' + '乙'.repeat(100), '招生', { maxLength: 20 });
    assert.deepEqual(start[0], { text: '招生', match: true });
    const end = highlight('甲'.repeat(100) + '招生', '招生', { maxLength: 20 });
    assert.deepEqual(end[end.length - 1], { text: '招生', match: true });
    assert.equal(joined(end).length, 21);
  });

  test('whitespace in the snippet collapses to single spaces', () => {
    assert.deepEqual(highlight('  各学校：\n\n  招生\t工作  ', '招生'), [
      { text: '各学校： ', match: false },
      { text: '招生', match: true },
      { text: ' 工作', match: false },
    ]);
  });

  test('without a match: the beginning of the text, unmarked', () => {
    assert.deepEqual(highlight('预算公开说明', '招生'), [{ text: '预算公开说明', match: false }]);
    assert.deepEqual(highlight('预算公开说明', '招生', { maxLength: 4 }), [{ text: '预算公开…', match: false }]);
    assert.deepEqual(highlight('预算公开说明', ''), [{ text: '预算公开说明', match: false }]);
    assert.deepEqual(highlight('', '招生'), []);
  });

  test('does not split a supplementary-plane character at the cut', () => {
    const text = '𠀀'.repeat(50) + '招生';
    for (const maxLength of [5, 6, 7]) {
      const segments = highlight(text, '招生', { maxLength });
      for (const s of segments) assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s.text));
    }
  });
});

describe('normalizeText skips the Traditional → Simplified converter only where it would change nothing', () => {
  test('every CJK unified ideograph normalises exactly as the converter maps it', async () => {
    const OpenCC = await import('opencc-js');
    const convert = OpenCC.Converter({ from: 'hk', to: 'cn' });
    const differing: string[] = [];
    for (let cp = 0x3400; cp <= 0x9fff; cp++) {
      if (cp > 0x4dbf && cp < 0x4e00) continue;
      const ch = String.fromCodePoint(cp);
      if (normalizeText(ch) !== convert(ch)) differing.push(ch);
    }
    assert.deepEqual(differing, []);
  });

  test('phrase entries whose changed character is common in Simplified text still convert', () => {
    assert.equal(normalizeText('反覆思量，一目瞭然'), '反复思量,一目了然');
    assert.equal(normalizeText('意志消沈'), '意志消沉');
    assert.equal(normalizeText('学校招生，面对复杂的干部队伍'), '学校招生,面对复杂的干部队伍');
  });
});
