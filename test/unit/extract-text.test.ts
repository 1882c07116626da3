import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Document, Footer, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { extractText, MIME, parseWordXml } from '../../src/search/extract-text.ts';
import { parseCsv } from '../../src/lib/csv.ts';

/**
 * A minimal PDF, one page per string, drawn with a Type0 font whose ToUnicode map gives the
 * characters back — the way real PDFs with CJK text carry it.
 */
function makePdf(pages: string[]): Buffer {
  const objs: string[] = [];
  const add = (s: string) => objs.push(s);
  const chars = [...new Set(pages.join(''))];
  const cid = new Map(chars.map((c, i) => [c, i + 1]));
  const hex4 = (n: number) => n.toString(16).padStart(4, '0');
  const utf16 = (c: string) => Array.from({ length: c.length }, (_, i) => hex4(c.charCodeAt(i))).join('');
  const cmap = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange ${chars.length} beginbfchar ${chars.map((c) => `<${hex4(cid.get(c)!)}> <${utf16(c)}>`).join(' ')} endbfchar endcmap CMapName currentdict /CMap defineresource pop end end`;
  const pageIds = pages.map((_, i) => 7 + i * 2);
  add('<< /Type /Catalog /Pages 2 0 R >>'); // 1
  add(`<< /Type /Pages /Kids [${pageIds.map((k) => `${k} 0 R`).join(' ')}] /Count ${pages.length} >>`); // 2
  add(`<< /Length ${Buffer.byteLength(cmap)} >>\nstream\n${cmap}\nendstream`); // 3
  add('<< /Type /FontDescriptor /FontName /Test /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 1000 /Descent 0 /CapHeight 1000 /StemV 80 >>'); // 4
  add('<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Test /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 4 0 R /DW 1000 >>'); // 5
  add('<< /Type /Font /Subtype /Type0 /BaseFont /Test /Encoding /Identity-H /DescendantFonts [5 0 R] /ToUnicode 3 0 R >>'); // 6
  for (const text of pages) {
    const content = `BT /F1 12 Tf 72 720 Td <${[...text].map((c) => hex4(cid.get(c)!)).join('')}> Tj ET`;
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 6 0 R >> >> /Contents ${objs.length + 2} 0 R >>`);
    add(`<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`);
  }
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

describe('extractText', () => {
  test('PDF: text per page, in order', async () => {
    const r = await extractText(makePdf(['招生工作通知 2026', '联系人张三电话13800000000']), MIME.pdf);
    assert.equal(r.checkable, true);
    assert.deepEqual(r.pages, ['招生工作通知 2026', '联系人张三电话13800000000']);
    assert.equal(r.text, '招生工作通知 2026\n\n联系人张三电话13800000000');
  });

  test('PDF without a text layer (a scan) is not checkable', async () => {
    const r = await extractText(makePdf(['']), MIME.pdf);
    assert.deepEqual(r.pages, ['']);
    assert.equal(r.checkable, false);
  });

  test('a damaged PDF is not checkable and says why, instead of throwing', async () => {
    const r = await extractText(Buffer.from('%PDF-1.4 this is not a pdf'), MIME.pdf);
    assert.equal(r.checkable, false);
    assert.equal(r.text, '');
    assert.match(r.error!, /^无法读取文件内容/);
  });

  test('DOCX: paragraphs, tables by row and column, footers', async () => {
    const doc = new Document({
      sections: [{
        footers: { default: new Footer({ children: [new Paragraph('经办人：李四 0745-7623456')] }) },
        children: [
          new Paragraph({ children: [new TextRun('关于公布'), new TextRun({ text: '2026年学费标准', bold: true }), new TextRun('的通知')] }),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph('学校')] }), new TableCell({ children: [new Paragraph('学费（元）')] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph('第一中学')] }), new TableCell({ children: [new Paragraph('800'), new Paragraph('含住宿费')] })] }),
            ],
          }),
          new Paragraph('特此通知。'),
          new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('身份证号 430000199001011234')] })] })] }),
        ],
      }],
    });
    const r = await extractText(await Packer.toBuffer(doc), MIME.docx);
    assert.equal(r.checkable, true);
    assert.deepEqual(r.sheets, [
      { name: '表1', rows: [['学校', '学费（元）'], ['第一中学', '800\n含住宿费']] },
      { name: '表2', rows: [['身份证号 430000199001011234']] },
    ]);
    // Reading order: the table sits between the paragraphs; the footer comes last.
    assert.equal(r.text, '关于公布2026年学费标准的通知\n学校\t学费（元）\n第一中学\t800\n含住宿费\n特此通知。\n身份证号 430000199001011234\n经办人：李四 0745-7623456');
  });

  test('DOCX XML: entities, tabs, breaks; deleted revisions, field codes and nested tables handled', () => {
    const xml = '<w:document><w:body>'
      + '<w:p><w:r><w:t>A&amp;B &lt;C&gt; &#x4E2D;&#25991;</w:t><w:tab/><w:t xml:space="preserve">x </w:t><w:br/><w:t>y</w:t></w:r></w:p>'
      + '<w:p><w:del><w:r><w:delText>删除的内容</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText><w:t>保留</w:t></w:r></w:p>'
      + '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>外</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>内</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>'
      + '</w:body></w:document>';
    const r = parseWordXml(xml);
    assert.equal(r.text, 'A&B <C> 中文\tx \ny\n保留\n外\n内');
    assert.deepEqual(r.tables, [[['外\n内', '']]]);
  });

  test('a ZIP that is not a Word document is not checkable', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    const r = await extractText(await zip.generateAsync({ type: 'nodebuffer' }), MIME.docx);
    assert.equal(r.checkable, false);
    assert.match(r.error!, /word\/document\.xml/);
  });

  test('XLSX: every sheet, rows and columns kept in place', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('录取名单');
    ws.addRow(['姓名', '学校', '分数']);
    ws.addRow(['王五', '第一中学', 612]);
    ws.getCell('E4').value = '备注：公示五个工作日';
    wb.addWorksheet('说明').addRow(['本表由基础教育股提供']);
    const r = await extractText(Buffer.from(await wb.xlsx.writeBuffer()), MIME.xlsx);
    assert.equal(r.checkable, true);
    assert.deepEqual(r.sheets, [
      { name: '录取名单', rows: [['姓名', '学校', '分数'], ['王五', '第一中学', '612'], [], ['', '', '', '', '备注：公示五个工作日']] },
      { name: '说明', rows: [['本表由基础教育股提供']] },
    ]);
    assert.equal(r.text, '姓名\t学校\t分数\n王五\t第一中学\t612\n\t\t\t\t备注：公示五个工作日\n本表由基础教育股提供');
  });

  test('CSV: UTF-8 with BOM, quoted fields; GB18030 from Excel on Chinese Windows', async () => {
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('姓名,备注\r\n张三,"说""明"",含,逗号"\r\n李四,"两\n行"\r\n')]);
    const r = await extractText(utf8, 'text/csv; charset=utf-8');
    assert.deepEqual(r.sheets, [{ name: 'CSV', rows: [['姓名', '备注'], ['张三', '说"明",含,逗号'], ['李四', '两\n行']] }]);
    assert.equal(r.checkable, true);
    // 学费,800 in GBK: 学 = D1A7, 费 = B7D1.
    const gbk = Buffer.from([0xd1, 0xa7, 0xb7, 0xd1, 0x2c, 0x38, 0x30, 0x30]);
    assert.deepEqual((await extractText(gbk, MIME.csv)).sheets![0].rows, [['学费', '800']]);
  });

  test('plain text in UTF-8, UTF-16 and GB18030', async () => {
    assert.deepEqual(await extractText(Buffer.from('政府信息公开'), MIME.text), { text: '政府信息公开', checkable: true });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('公开', 'utf16le')]);
    assert.equal((await extractText(utf16, 'text/plain; charset=utf-16')).text, '公开');
    assert.equal((await extractText(Buffer.from([0xd1, 0xa7, 0xb7, 0xd1]), MIME.text)).text, '学费');
  });

  test('images, OFD and old binary Office files have no readable text', async () => {
    for (const mime of ['image/png', 'image/jpeg', 'application/ofd', 'application/msword', 'application/vnd.ms-excel']) {
      assert.deepEqual(await extractText(Buffer.from([0x89, 0x50, 0x4e, 0x47]), mime), { text: '', checkable: false }, mime);
    }
  });
});

describe('parseCsv', () => {
  test('a last line without a newline, empty fields, CR line ends', () => {
    assert.deepEqual(parseCsv('a,,c\rd,e'), [['a', '', 'c'], ['d', 'e']]);
    assert.deepEqual(parseCsv(''), []);
  });
});
