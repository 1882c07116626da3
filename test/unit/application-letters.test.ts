import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { DECISION_WORDING, DEFAULT_TEMPLATES, LETTER_KINDS, fillTemplate, letterDocx, letterText, unknownPlaceholders } from '../../src/output/application-letters.ts';
import { OUTCOME_CODES } from '../../src/domain/application-workflow.ts';

describe('letter templates', () => {
  test('every built-in template uses only its own placeholders; every outcome has decision wording', () => {
    for (const kind of LETTER_KINDS) assert.deepEqual(unknownPlaceholders(kind, DEFAULT_TEMPLATES[kind]), [], kind);
    for (const code of OUTCOME_CODES) assert.ok(DECISION_WORDING[code].length > 10, code);
    assert.deepEqual(unknownPlaceholders('reply', '{{applicantNmae}} {{decision}} {{ items }}'), ['applicantNmae', 'items']);
  });

  test('filling: line kinds, multi-line values repeat the kind, empty lines vanish', () => {
    const lines = fillTemplate('# {{title}}\n= {{applicantName}}：\n{{details}}\n- {{items}}\n\n> {{agencyName}}', {
      title: '答复书', applicantName: '张三', details: '第一段\n\n第二段', items: '一\n二', agencyName: '洪江市教育局',
    });
    assert.deepEqual(lines, [
      { kind: 'title', text: '答复书' },
      { kind: 'plain', text: '张三：' },
      { kind: 'body', text: '第一段' },
      { kind: 'body', text: '第二段' },
      { kind: 'list', text: '一' },
      { kind: 'list', text: '二' },
      { kind: 'right', text: '洪江市教育局' },
    ]);
    assert.equal(letterText(lines).split('\n').length, 7);
  });

  test('the .docx holds the text in order, with the title centred', async () => {
    const lines = fillTemplate(DEFAULT_TEMPLATES.reply, { title: '政府信息公开申请答复书', applicantName: '李四', decision: DECISION_WORDING.not_held, remedies: '如对本答复不服……' });
    const buf = await letterDocx(lines, { title: 't', creator: '洪江市教育局' });
    const xml = await (await JSZip.loadAsync(buf)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    assert.ok(text.indexOf('政府信息公开申请答复书') < text.indexOf('李四：'));
    assert.ok(text.indexOf('该政府信息不存在') < text.indexOf('如对本答复不服'));
    assert.match(xml, /<w:jc w:val="center"\/>/);
  });
});
