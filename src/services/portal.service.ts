import type { ServiceContext } from './context.ts';
import { NotFoundError } from './errors.ts';
import type { Agency } from '../db/schema.ts';

/** The agency whose portal `/` shows: GONGKAI_HOME_AGENCY, else the first agency with a parent, else the first. */
export async function homeAgency(ctx: ServiceContext): Promise<Agency> {
  const wanted = process.env.GONGKAI_HOME_AGENCY;
  if (wanted) {
    const a = await ctx.repos.agencies.byCode(wanted);
    if (a) return a;
  }
  const all = await ctx.repos.agencies.all();
  const pick = all.find((a) => a.parent_id !== null) ?? all[0];
  if (!pick) throw new NotFoundError('平台尚未配置任何机关');
  return pick;
}

export async function agencyByCode(ctx: ServiceContext, code: string): Promise<Agency> {
  const a = await ctx.repos.agencies.byCode(code);
  if (!a) throw new NotFoundError('未找到该机关');
  return a;
}
