import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { maskTextSameLength, personalFindings, sameLengthMask, splitLike } from '../../src/domain/privacy-mask.ts';
import { residentIdCheckChar } from '../../src/domain/identity.ts';
import { scanText } from '../../src/domain/privacy-scan.ts';
import { maskCsv, maskDocx, maskXlsx, maskedFilename, verifyMaskedCsv, verifyMaskedDocx, verifyMaskedXlsx } from '../../src/services/masking.service.ts';
import { attachmentText, columnLetters, csvFields, decodeText } from '../../src/services/privacy-files.ts';

/** A valid 18-digit ID: region 431281, the given birth date, a sequence number and its check character. */
function residentId(birth: string, seq: number): string {
  const first17 = `431281${birth}${String(seq).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

function mobile(i: number): string {
  return `138${String(10_000_000 + i * 7919).slice(-8)}`;
}

const maskedId = (id: string) => `${id.slice(0, 6)}********${id.slice(-4)}`;
const maskedMobile = (p: string) => `${p.slice(0, 3)}****${p.slice(-4)}`;

describe('maskTextSameLength', () => {
  test('keeps the length and every character outside the findings', () => {
    const id = residentId('19900101', 124);
    const text = `张三，身份证号${id}，电话13800138000，邮箱zhangsan@example.com，住幸福小区3栋2单元501室。`;
    const masked = maskTextSameLength(text);
    assert.equal(masked.length, text.length);
    assert.equal(masked, `张三，身份证号${maskedId(id)}，电话138****8000，邮箱z*******@example.com，住幸福小区*栋*单元***室。`);
    assert.deepEqual(scanText(masked, { part: 'x' }), []);
  });

  test('text without findings comes back unchanged; an ID with a wrong check digit is not masked', () => {
    assert.equal(maskTextSameLength('洪教发〔2026〕12号，2026年3月2日'), '洪教发〔2026〕12号，2026年3月2日');
    assert.equal(maskTextSameLength('431281199001011234'), '431281199001011234');
  });

  test('sameLengthMask stars the local part of an e-mail address to its own length', () => {
    assert.equal(sameLengthMask('ab@x.cn', { kind: 'email', masked: 'a***@x.cn' }), 'a*@x.cn');
    assert.equal(sameLengthMask('13800138000', { kind: 'mobile', masked: '138****8000' }), '138****8000');
  });

  test('splitLike puts masked text back into pieces of the original lengths', () => {
    assert.deepEqual(splitLike('138****8000', ['13', '8001', '38000']), ['13', '8***', '*8000']);
    assert.throws(() => splitLike('abc', ['ab']), RangeError);
  });

  test('maskedFilename', () => {
    assert.equal(maskedFilename('录用人员名单.xlsx'), '录用人员名单（已遮盖）.xlsx');
    assert.equal(maskedFilename('名单'), '名单（已遮盖）');
  });
});

describe('XLSX: a recruitment result list of 200 rows', () => {
  async function workbook(): Promise<{ data: Buffer; ids: string[]; phones: string[] }> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('拟聘用人员名单');
    ws.addRow(['序号', '姓名', '身份证号码', '联系电话', '报考岗位', '笔试成绩', '面试日期']);
    ws.getRow(1).font = { bold: true };
    const ids: string[] = [];
    const phones: string[] = [];
    for (let i = 1; i <= 200; i++) {
      const id = residentId(`19${90 + (i % 10)}0${1 + (i % 9)}1${i % 10}`, i);
      const phone = mobile(i);
      ids.push(id);
      phones.push(phone);
      // Every tenth phone is written as a number, as offices often type them.
      const row = ws.addRow([i, `考生${i}号`, id, i % 10 === 0 ? Number(phone) : phone, i % 2 ? '小学语文教师' : '初中数学教师', 60 + (i % 40) + 0.5, new Date(Date.UTC(2026, 6, 1 + (i % 20)))]);
      row.getCell(6).numFmt = '0.00';
    }
    const notes = wb.addWorksheet('说明');
    notes.addRow(['公示期：2026年7月1日至7月7日。监督电话：0745-7623456。']);
    notes.addRow(['联系人李老师 13974500001']);
    notes.addRow(['身份证号校验位错误的不予处理：431281199001011234']);
    return { data: Buffer.from(await wb.xlsx.writeBuffer()), ids, phones };
  }

  test('IDs keep the first 6 and last 4, phones become 138****8000, nothing else changes (cell by cell)', async () => {
    const { data, ids, phones } = await workbook();
    const result = await maskXlsx(data);
    assert.equal(result.maskedCells, 401);
    const check = await verifyMaskedXlsx(data, result.data);
    assert.equal(check.changed, 401);

    const [a, b] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
    await a.xlsx.load(data as never);
    await b.xlsx.load(result.data as never);
    assert.deepEqual(b.worksheets.map((w) => w.name), ['拟聘用人员名单', '说明']);
    let compared = 0;
    for (const wa of a.worksheets) {
      const wb = b.getWorksheet(wa.name)!;
      assert.equal(wb.rowCount, wa.rowCount);
      assert.equal(wb.columnCount, wa.columnCount);
      wa.eachRow({ includeEmpty: true }, (row, r) => {
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          const other = wb.getCell(r, c);
          compared++;
          if (wa.name === '拟聘用人员名单' && r > 1 && c === 3) {
            assert.equal(other.value, maskedId(ids[r - 2]), `C${r}`);
          } else if (wa.name === '拟聘用人员名单' && r > 1 && c === 4) {
            assert.equal(other.value, maskedMobile(phones[r - 2]), `D${r}`);
          } else if (wa.name === '说明' && r === 2) {
            assert.equal(other.value, '联系人李老师 139****0001');
          } else {
            assert.deepEqual(other.value, cell.value, `${wa.name}!${cell.address}`);
          }
          assert.deepEqual(other.style, cell.style, `style of ${wa.name}!${cell.address}`);
        });
      });
    }
    assert.equal(compared, 201 * 7 + 3);
    // The example from the issue: 431281********1234 has the pattern of the first ID.
    assert.match(String(b.getWorksheet('拟聘用人员名单')!.getCell('C2').value), /^431281\*{8}\d{3}[\dX]$/);
    const text = await attachmentText(result.data, 'xlsx', 'x.xlsx');
    // The 监督电话 is an office's service number: it stays as it was.
    assert.deepEqual(text.parts.flatMap((p) => scanText(p.text, p.location)).map((f) => [f.kind, f.location.cell]), [['landline', 'A1']]);
  });

  test('the verification refuses a copy that changed anything else', async () => {
    const { data } = await workbook();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as never);
    wb.getWorksheet('拟聘用人员名单')!.getCell('B2').value = '别人';
    const tampered = Buffer.from(await wb.xlsx.writeBuffer());
    await assert.rejects(verifyMaskedXlsx(data, tampered), /遮盖副本校验未通过/);
  });

  test('scanning names sheet and cell', async () => {
    const { data, ids } = await workbook();
    const text = await attachmentText(data, 'xlsx', '名单.xlsx');
    const findings = text.parts.flatMap((p) => scanText(p.text, p.location));
    const c2 = findings.find((f) => f.location.cell === 'C2')!;
    assert.deepEqual(c2.location, { part: '名单.xlsx', sheet: '拟聘用人员名单', cell: 'C2', line: 1 });
    assert.equal(c2.masked, maskedId(ids[0]));
    assert.equal(findings.filter((f) => f.kind === 'resident_id').length, 200);
    assert.equal(findings.filter((f) => f.kind === 'mobile').length, 201);
  });
});

describe('DOCX', () => {
  async function docx(id: string): Promise<Buffer> {
    const doc = new Document({
      sections: [{
        children: [
          new Paragraph({ children: [new TextRun('2026年秋季学期学生资助名单公示')] }),
          new Paragraph({ children: [new TextRun('咨询电话：'), new TextRun({ text: '0745-7623456', bold: true })] }),
          new Table({
            rows: [
              new TableRow({ children: ['序号', '姓名', '身份证号'].map((t) => new TableCell({ children: [new Paragraph(t)] })) }),
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('1')] }),
                  new TableCell({ children: [new Paragraph('王小明')] }),
                  // The ID split over two runs with different formatting, as Word often saves it.
                  new TableCell({ children: [new Paragraph({ children: [new TextRun(id.slice(0, 8)), new TextRun({ text: id.slice(8), italics: true })] })] }),
                ],
              }),
            ],
          }),
        ],
      }],
    });
    return Packer.toBuffer(doc);
  }

  test('a valid ID in a table cell is found there, and the masked copy keeps runs and everything else', async () => {
    const id = residentId('20100305', 21);
    const data = await docx(id);
    const text = await attachmentText(data, 'docx', '名单.docx');
    const findings = text.parts.flatMap((p) => scanText(p.text, p.location));
    assert.deepEqual(findings.map((f) => [f.kind, f.location.cell ?? `p${f.location.line}`, f.masked]), [
      ['landline', 'p2', '0745-*****56'],
      ['resident_id', '表格1第2行第3列', maskedId(id)],
    ]);

    // The 咨询电话 is an office's service number: personalFindings leaves it out, and the copy keeps it.
    assert.deepEqual(text.parts.flatMap((p) => personalFindings(p.text, p.location)).map((f) => f.kind), ['resident_id']);
    const result = await maskDocx(data);
    assert.equal(result.maskedCells, 1);
    const check = await verifyMaskedDocx(data, result.data);
    assert.equal(check.changed, 1);
    const after = await attachmentText(result.data, 'docx', '名单.docx');
    assert.deepEqual(after.parts.flatMap((p) => personalFindings(p.text, p.location)), []);
    assert.ok(after.parts.some((p) => p.text === '咨询电话：0745-7623456'));
    assert.deepEqual(after.parts.map((p) => p.text), text.parts.map((p) => maskTextSameLength(p.text)));
  });

  test('an ID with a wrong check digit is not reported', async () => {
    const id = residentId('20100305', 21);
    const wrong = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    const text = await attachmentText(await docx(wrong), 'docx', '名单.docx');
    assert.deepEqual(text.parts.flatMap((p) => scanText(p.text, p.location)).map((f) => f.kind), ['landline']);
  });
});

describe('CSV', () => {
  test('fields with positions, quoted fields and CRLF', () => {
    const text = '姓名,电话\r\n"张,三",13800138000\r\n李四,""\r\n';
    const fields = csvFields(text).map((f) => [f.row, f.column, text.slice(f.start, f.end)]);
    assert.deepEqual(fields, [[1, 1, '姓名'], [1, 2, '电话'], [2, 1, '张,三'], [2, 2, '13800138000'], [3, 1, '李四'], [3, 2, '']]);
    assert.equal(columnLetters(1), 'A');
    assert.equal(columnLetters(28), 'AB');
  });

  test('UTF-8 with BOM: masked byte for byte outside the findings', () => {
    const id = residentId('19900101', 124);
    const csv = `\ufeff姓名,身份证号,电话\r\n张三,${id},"138 0013 8000"\r\n`;
    const data = Buffer.from(csv, 'utf8');
    const r = maskCsv(data);
    assert.equal(r.maskedCells, 2);
    assert.equal(r.data.toString('utf8'), `\ufeff姓名,身份证号,电话\r\n张三,${maskedId(id)},"138 **** 8000"\r\n`);
    assert.deepEqual(verifyMaskedCsv(data, r.data), { cells: 6, changed: 2 });
  });

  test('GB18030 (as saved by Excel on Chinese Windows) stays GB18030', async () => {
    // 姓名,电话\r\n张三,13800138000\r\n in GBK
    const data = Buffer.from('d0d5c3fb2cb5e7bbb00d0ad5c5c8fd2c31333830303133383030300d0a', 'hex');
    assert.equal(decodeText(data).encoding, 'gb18030');
    const r = maskCsv(data);
    assert.equal(r.data.toString('hex'), 'd0d5c3fb2cb5e7bbb00d0ad5c5c8fd2c3133382a2a2a2a383030300d0a');
    assert.equal(new TextDecoder('gb18030').decode(r.data), '姓名,电话\r\n张三,138****8000\r\n');
    const located = await attachmentText(data, 'csv', '名单.csv');
    assert.deepEqual(located.parts.flatMap((p) => scanText(p.text, p.location)).map((f) => f.location), [{ part: '名单.csv', line: 2, cell: 'B2' }]);
  });
});

test('files that cannot be read are not checkable unless text was extracted on upload', async () => {
  assert.deepEqual(await attachmentText(Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'png', '名单.png'), { checkable: false, parts: [] });
  assert.deepEqual(await attachmentText(Buffer.from('x'), 'doc', '名单.doc', '电话13800138000'), { checkable: true, parts: [{ location: { part: '名单.doc' }, text: '电话13800138000' }] });
  assert.equal((await attachmentText(Buffer.from('not a zip'), 'xlsx', '坏.xlsx')).checkable, false);
});
