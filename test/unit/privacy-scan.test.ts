import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  FINDING_KIND_LABELS,
  luhnValid,
  maskBankCard,
  maskEmail,
  maskText,
  scanText,
  type FindingKind,
} from '../../src/domain/privacy-scan.ts';
import { residentIdCheckChar } from '../../src/domain/identity.ts';

// 11010519491231002X is the worked example of GB 11643-1999; 431281199001011248 was computed by
// hand: Σ(digit × weight) = 246, 246 mod 11 = 4 → '10X98765432'[4] = '8'.
const STANDARD_ID = '11010519491231002X';
const VALID_ID = '431281199001011248';
const BAD_CHECK_ID = '431281199001011234'; // check character should be 8
const OLD_ID = '431281900101123'; // 15 digits, born 1990-01-01
// 4111 1111 1111 1111 is the well-known Luhn-valid test card; 6222020012345678903 was completed
// with its Luhn digit.
const CARD_16 = '4111111111111111';
const CARD_19 = '6222020012345678903';

const body = { part: 'body' };
const kinds = (text: string): FindingKind[] => scanText(text, body).map((f) => f.kind);
const masked = (text: string): string[] => scanText(text, body).map((f) => f.masked);

describe('checks and maskers', () => {
  test('the test IDs are what they claim to be', () => {
    assert.equal(residentIdCheckChar('11010519491231002'), 'X');
    assert.equal(residentIdCheckChar('43128119900101124'), '8');
  });

  test('Luhn', () => {
    assert.equal(luhnValid(CARD_16), true);
    assert.equal(luhnValid(CARD_19), true);
    assert.equal(luhnValid('79927398713'), true); // the textbook example
    assert.equal(luhnValid('4111111111111112'), false);
    assert.equal(luhnValid('79927398710'), false);
    assert.equal(luhnValid('41111x'), false);
    assert.equal(luhnValid(''), false);
  });

  test('maskers keep the characters and separators of the source', () => {
    assert.equal(maskBankCard(CARD_19), '6222***********8903');
    assert.equal(maskBankCard('4111 1111 1111 1111'), '4111 **** **** 1111');
    assert.equal(maskBankCard('６２２２０２００１２３４５６７８９０３'), '６２２２***********８９０３');
    assert.equal(maskEmail('zhangsan@example.com'), 'z***@example.com');
    assert.equal(maskEmail('a@x.com'), 'a***@x.com');
    assert.equal(maskEmail('张三@example.cn'), '张***@example.cn');
  });
});

describe('scanText: resident IDs', () => {
  test('a valid 18-digit ID is found and masked', () => {
    const findings = scanText(`身份证号：${VALID_ID}。`, { part: 'title' });
    assert.deepEqual(findings, [
      { kind: 'resident_id', masked: '431281********1248', location: { part: 'title', line: 1 }, index: 5, length: 18 },
    ]);
    assert.deepEqual(masked(`证件 ${STANDARD_ID}`), ['110105********002X']);
    assert.deepEqual(masked(`证件 ${STANDARD_ID.toLowerCase()}`), ['110105********002x']);
  });

  test('an ID needs a known region and a real birth date, besides the check digit', () => {
    const withCheck = (first17: string): string => first17 + residentIdCheckChar(first17);
    assert.deepEqual(kinds(`号码 ${withCheck('43128120000229124')}`), ['resident_id']); // 2000 is a leap year
    assert.deepEqual(kinds(`号码 ${withCheck('81000019900101124')}`), ['resident_id']); // Hong Kong residence permit
    for (const first17 of ['43128119900229124', '43128119901301124', '43128118990101124', '00128119900101124']) {
      // 1990-02-29, month 13, born 1899, region 00
      const kindsFound = kinds(`号码 ${withCheck(first17)}`);
      assert.ok(!kindsFound.includes('resident_id'), first17);
    }
  });

  test('an invalid check digit is not reported — neither as an ID nor as a bank card', () => {
    assert.deepEqual(kinds(`身份证号：${BAD_CHECK_ID}`), []);
    // Some ID-shaped numbers with a wrong check digit pass Luhn by chance; still nothing.
    for (let d = 0; d <= 9; d++) {
      const candidate = `43128119900101124${d}`;
      if (candidate === VALID_ID) continue;
      assert.deepEqual(kinds(`号码 ${candidate}`), [], candidate);
    }
  });

  test('an ID inside a longer run of digits or letters is not reported', () => {
    assert.deepEqual(kinds(`1${VALID_ID}`), []);
    assert.deepEqual(kinds(`${VALID_ID}0`), []);
    assert.deepEqual(kinds(`AB${VALID_ID}`), []);
    assert.deepEqual(kinds(`${VALID_ID}K`), []);
    assert.deepEqual(kinds(`${VALID_ID}.5`), []);
  });

  test('an ID written 6-8-4 with spaces, and in full-width digits', () => {
    assert.deepEqual(masked('身份证 431281 19900101 1248 号'), ['431281 ******** 1248']);
    const fullWidth = '４３１２８１１９９００１０１１２４８';
    assert.deepEqual(masked(`身份证${fullWidth}`), ['４３１２８１********１２４８']);
  });

  test('15-digit IDs need a valid date', () => {
    assert.deepEqual(scanText(`旧证 ${OLD_ID}`, body).map((f) => [f.kind, f.masked]), [['resident_id_15', '431281*****1123']]);
    assert.deepEqual(kinds('编号 431281901301123'), []); // month 13
  });
});

describe('scanText: telephone numbers', () => {
  test('mobile numbers, plain, grouped and with the country code', () => {
    assert.deepEqual(masked('电话13812348000，'), ['138****8000']);
    assert.deepEqual(masked('电话 138 1234 8000'), ['138 **** 8000']);
    assert.deepEqual(masked('电话 138-1234-8000'), ['138-****-8000']);
    assert.deepEqual(masked('电话 +86 138-1234-8000'), ['+86 138-****-8000']);
    assert.deepEqual(masked('电话 +8613812348000'), ['86138****8000']);
    assert.deepEqual(maskText('电话 +8613812348000'), '电话 +86138****8000');
  });

  test('a mobile number inside a longer digit run, or as an amount, is not reported', () => {
    assert.deepEqual(kinds('138123480001'), []);
    assert.deepEqual(kinds('913812348000'), []);
    assert.deepEqual(kinds('订单号20261381234800012'), []);
    assert.deepEqual(kinds('总计13500000000元'), []);
    assert.deepEqual(kinds('总计 13500000000 万元'), []);
    assert.deepEqual(kinds('￥13500000000'), []);
    assert.deepEqual(kinds('138-1234-80001'), []);
    assert.deepEqual(kinds('12812348000'), []); // 12x is not a mobile prefix
  });

  test('landlines with area codes, in the usual written forms', () => {
    const text = '咨询电话：0745-7223456，（0745）7223456，(010) 82345678，010-82345678，07457223456。';
    assert.deepEqual(kinds(text), ['landline', 'landline', 'landline', 'landline', 'landline']);
    assert.deepEqual(masked(text), ['0745-*****56', '（0745）*****56', '(010) ******78', '010-******78', '0745*****56']);
  });

  test('number shapes that are not landlines', () => {
    assert.deepEqual(kinds('010-1234567'), []); // Beijing numbers have 8 digits and do not start with 1
    assert.deepEqual(kinds('0745-123456'), []);
    assert.deepEqual(kinds('2026-7223456'), []);
    assert.deepEqual(kinds('0745-7223456.5'), []);
  });
});

describe('scanText: bank cards and e-mail', () => {
  test('16–19 digit numbers passing Luhn', () => {
    assert.deepEqual(
      scanText(`卡号 ${CARD_19}，另卡 4111 1111 1111 1111`, body).map((f) => [f.kind, f.masked]),
      [
        ['bank_card', '6222***********8903'],
        ['bank_card', '4111 **** **** 1111'],
      ],
    );
    assert.deepEqual(masked('卡号 6222-0200-1234-5678-903'), ['6222-****-****-***8-903']);
  });

  test('Luhn failures, wrong lengths, years in a row are not bank cards', () => {
    assert.deepEqual(kinds('卡号 4111111111111112'), []);
    assert.deepEqual(kinds('卡号 622202001234567'), []); // 15 digits (and not an old ID: day 34)
    assert.deepEqual(kinds(`卡号 ${CARD_19}1`), []); // 20 digits
    assert.deepEqual(kinds('年份 2016 2017 2018 2019'), []);
  });

  test('e-mail addresses', () => {
    assert.deepEqual(masked('邮箱：zhang.san@example.com。'), ['z***@example.com']);
    assert.deepEqual(masked('邮箱ｚｈａｎｇ＠ｑｑ．ｃｏｍ'), ['ｚ***＠ｑｑ．ｃｏｍ']);
  });

  test('an e-mail address made of a mobile number is one finding', () => {
    assert.deepEqual(scanText('13812348000@qq.com', body).map((f) => [f.kind, f.masked]), [['email', '1***@qq.com']]);
  });
});

describe('scanText: home addresses', () => {
  test('community, building, unit and room', () => {
    assert.deepEqual(scanText('家住幸福小区3栋2单元501室。', body).map((f) => [f.kind, f.masked, f.index]), [
      ['address', '幸福小区*栋*单元***室', 2],
    ]);
    assert.deepEqual(masked('住址：幸福小区3-2-501'), ['幸福小区*-*-***']);
    assert.deepEqual(masked('现住洪江市幸福小区A座1203室'), ['洪江市幸福小区*座****室']);
    assert.deepEqual(masked('住幸福小区三栋二单元'), ['幸福小区*栋*单元']);
  });

  test('a street number followed by a floor or room', () => {
    assert.deepEqual(masked('地址：解放路12号3楼'), ['解放路**号*楼']);
    assert.deepEqual(masked('住解放路12号301室'), ['解放路**号***室']);
    assert.deepEqual(masked('住解放路12号3栋'), ['解放路**号*栋']);
  });

  test('village and group', () => {
    assert.deepEqual(masked('家住张家村3组12号'), ['张家村*组**号']);
  });

  test('a bare road number, a floor of a government building, a street name: not home addresses', () => {
    assert.deepEqual(kinds('单位地址：解放路1号'), []);
    assert.deepEqual(kinds('办公地点：洪江市解放路12号院'), []);
    assert.deepEqual(kinds('请到市政府3楼301室报名'), []);
    assert.deepEqual(kinds('请到市政府3楼会议室'), []);
    assert.deepEqual(kinds('幼儿园2楼301室'), []);
    assert.deepEqual(kinds('沿解放路、人民路两侧'), []);
    assert.deepEqual(kinds('幸福小区二期'), []);
    assert.deepEqual(kinds('阳光大厦12楼'), []); // office tower floor
    assert.deepEqual(masked('阳光大厦1203室'), ['阳光大厦****室']); // a room in it is specific enough
  });

  test('buildings counted after a construction verb are not an address; a room still is', () => {
    assert.deepEqual(kinds('新建和改造农村学校学生宿舍6栋，新增床位1200个'), []);
    assert.deepEqual(kinds('共有教师公寓3栋'), []);
    assert.deepEqual(kinds('新建小区3栋2单元501室'), ['address']);
    assert.deepEqual(kinds('家住幸福小区3栋'), ['address']);
    assert.deepEqual(kinds('家住新建村3组'), ['address']); // a village named 新建村
  });
});

describe('scanText: locations', () => {
  test('the location is copied and the line counted from location.line', () => {
    const text = `第一行\n张三 ${VALID_ID}\n\n李四 13812348000`;
    const findings = scanText(text, { part: '公示名单.xlsx', sheet: '名单', cell: 'B2', line: 10 });
    assert.deepEqual(
      findings.map((f) => [f.kind, f.location]),
      [
        ['resident_id', { part: '公示名单.xlsx', sheet: '名单', cell: 'B2', line: 11 }],
        ['mobile', { part: '公示名单.xlsx', sheet: '名单', cell: 'B2', line: 13 }],
      ],
    );
    assert.deepEqual(scanText('13812348000', { part: 'attachment.pdf', page: 3 })[0].location, {
      part: 'attachment.pdf',
      page: 3,
      line: 1,
    });
  });

  test('index and length locate the finding in the text', () => {
    const text = `名单：张三 ${VALID_ID} 13812348000`;
    for (const f of scanText(text, body)) {
      const raw = text.slice(f.index, f.index + f.length);
      assert.ok(raw === VALID_ID || raw === '13812348000', raw);
    }
  });

  test('every kind has a Chinese label', () => {
    for (const kind of ['resident_id', 'resident_id_15', 'mobile', 'landline', 'bank_card', 'email', 'address'] as const) {
      assert.match(FINDING_KIND_LABELS[kind], /\p{Script=Han}/u);
    }
  });
});

describe('recruitment list (公示名单)', () => {
  test('one line with an ID and a mobile number: two findings, exact masked copy', () => {
    const line = `张三 ${VALID_ID} 13812348000`;
    assert.deepEqual(
      scanText(line, body).map((f) => [f.kind, f.masked, f.index, f.length]),
      [
        ['resident_id', '431281********1248', 3, 18],
        ['mobile', '138****8000', 22, 11],
      ],
    );
    assert.equal(maskText(line), '张三 431281********1248 138****8000');
  });

  test('a whole list: everything but the findings is byte-identical', () => {
    const list = [
      '洪江市2026年公开招聘教师拟聘用人员名单公示',
      '序号\t姓名\t身份证号\t联系电话\t住址',
      `1\t张三\t${VALID_ID}\t13812348000\t幸福小区3栋2单元501室`,
      `2\t李四\t${STANDARD_ID}\t0745-7223456\t张家村3组12号`,
      '公示时间：2026年3月1日至2026年3月7日，监督电话：0745-7654321。',
      '',
    ].join('\r\n');
    const expected = [
      '洪江市2026年公开招聘教师拟聘用人员名单公示',
      '序号\t姓名\t身份证号\t联系电话\t住址',
      '1\t张三\t431281********1248\t138****8000\t幸福小区*栋*单元***室',
      '2\t李四\t110105********002X\t0745-*****56\t张家村*组**号',
      '公示时间：2026年3月1日至2026年3月7日，监督电话：0745-*****21。',
      '',
    ].join('\r\n');
    assert.equal(maskText(list), expected);
  });

  test('text without findings comes back identical', () => {
    const s = '无个人信息。\u3000全角空格，ＡＢＣ１２３。';
    assert.equal(maskText(s), s);
  });
});

describe('ordinary policy text has no findings', () => {
  test('dates, document numbers, amounts, index numbers, credit codes, statistics', () => {
    const policy = [
      '洪江市教育局关于印发《2026年义务教育招生入学工作方案》的通知',
      '洪教发〔2026〕12号',
      '索引号：11431281MB1234567X/2026-00012',
      '统一社会信用代码：12431281006178945K；91350100M000100Y43',
      '发布日期：2026-01-15，成文日期：2026年1月15日，20260115，2026.01.15，2026/1/15 09:30:00',
      '全年教育经费支出1234567.89元，比上年增长12.5%，共计13500000000元。',
      '全市共有中小学校41所，在校学生34222人，教师2998人，主动公开信息188条。',
      '依据《中华人民共和国政府信息公开条例》第二十条第（一）项，国办函〔2020〕109号。',
      '办理时限：20个工作日；咨询地址：洪江市解放路1号；邮政编码418100。',
      '订单编号20260115093000123456，流水号0000012345。',
      '第3组讨论，4-6年级，2016 2017 2018 2019年度数据，城区3所学校。',
    ].join('\n');
    assert.deepEqual(scanText(policy, body), []);
    assert.equal(maskText(policy), policy);
  });
});
