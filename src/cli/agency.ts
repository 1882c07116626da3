import { parseArgs } from 'node:util';
import { requireOptions, UsageError, withContext, type CliIo } from './common.ts';
import { agencyTree, createAgency, type AgencyInput } from '../services/account.service.ts';
import type { Actor } from '../services/actor.ts';

const USAGE = `用法：
  gongkai agency add --code 代码 --name 名称 --credit-code 统一社会信用代码 [--parent 上级机关代码]
                     [--short-name 简称] [--office-name 公开工作机构] [--address 地址] [--postcode 邮编]
                     [--office-hours 办公时间] [--phone 电话] [--fax 传真] [--email 邮箱] [--website 网址]
                     [--index-pattern 索引号规则] [--db URL]
  gongkai agency list [--db URL]`;

export const CLI_ACTOR: Actor = { kind: 'system', label: '命令行', ip: '' };

// Command-line option → service field, for the optional contact details.
const OPTIONAL: Record<string, keyof AgencyInput> = {
  'short-name': 'shortName', 'office-name': 'officeName', address: 'address', postcode: 'postcode', 'office-hours': 'officeHours',
  phone: 'phone', fax: 'fax', email: 'email', website: 'website', 'index-pattern': 'indexPattern',
};

/** `gongkai agency add|list`: agencies from the command line (as a system administrator would). */
export async function agencyCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const str = { type: 'string' } as const;
  const { values } = parseArgs({
    args: rest,
    options: { db: str, code: str, name: str, 'credit-code': str, parent: str, ...Object.fromEntries(Object.keys(OPTIONAL).map((k) => [k, str])) },
  });
  const v = values as Record<string, string | undefined>;
  if (sub === 'add') {
    requireOptions(v, ['code', 'name', 'credit-code'], USAGE);
    const input: AgencyInput = { code: v.code!, name: v.name!, creditCode: v['credit-code']!, parentCode: v.parent };
    for (const [flag, field] of Object.entries(OPTIONAL)) if (v[flag] !== undefined) (input as unknown as Record<string, string>)[field] = v[flag]!;
    return withContext(v.db, async (ctx) => {
      const a = await createAgency(ctx, CLI_ACTOR, input);
      io.out(`已新增机关：${a.name}（代码 ${a.code}，统一社会信用代码 ${a.creditCode}）`);
      return 0;
    });
  }
  if (sub === 'list') {
    return withContext(v.db, async (ctx) => {
      const nodes = await agencyTree(ctx, CLI_ACTOR);
      if (nodes.length === 0) io.out('尚无机关。用 gongkai agency add 新增。');
      for (const n of nodes) {
        const depts = n.departments.map((d) => d.name).join('、');
        io.out(`${'  '.repeat(n.depth)}${n.agency.code.padEnd(12)} ${n.agency.creditCode}  ${n.agency.name}${depts ? `  科室：${depts}` : ''}`);
      }
      return 0;
    });
  }
  throw new UsageError(USAGE);
}
