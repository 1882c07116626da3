import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../connection.ts';
import type { AuditEvent, Database } from '../schema.ts';

export interface NewAuditEvent {
  actorId: number | null;
  actorLabel: string;
  agencyId: number | null;
  action: string;
  subjectType: string;
  subjectId: string | number;
  /** Before/after summary; stored as JSON. */
  summary: Record<string, unknown>;
  ip?: string;
}

export interface AuditFilter {
  agencyId?: number;
  action?: string;
  subjectType?: string;
  subjectId?: string;
  actorId?: number;
  from?: string;
  to?: string;
}

const GENESIS = '0'.repeat(64);

function hashOf(prevHash: string, e: Omit<AuditEvent, 'id' | 'hash' | 'prev_hash'>): string {
  const canonical = JSON.stringify([prevHash, e.at, e.actor_id, e.actor_label, e.agency_id, e.action, e.subject_type, e.subject_id, e.summary, e.ip]);
  return createHash('sha256').update(canonical).digest('hex');
}

export type AuditVerifyResult =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAt: number; reason: string };

/** The append-only audit chain: each event carries the hash of the one before it. */
export class AuditRepository {
  constructor(private readonly db: Kysely<Database>, private readonly dialect: Dialect) {}

  /** Call inside the transaction that makes the state change. */
  async append(e: NewAuditEvent, now: Date = new Date()): Promise<AuditEvent> {
    if (this.dialect === 'postgres') {
      // Serialise appenders across connections and instances so the chain stays linear.
      await sql`select pg_advisory_xact_lock(727270001)`.execute(this.db);
    }
    const last = await this.db.selectFrom('audit_events').select(['hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
    const prev = last?.hash ?? GENESIS;
    const row = {
      at: now.toISOString(),
      actor_id: e.actorId,
      actor_label: e.actorLabel,
      agency_id: e.agencyId,
      action: e.action,
      subject_type: e.subjectType,
      subject_id: String(e.subjectId),
      summary: JSON.stringify(e.summary),
      ip: e.ip ?? '',
    };
    const hash = hashOf(prev, row);
    return this.db.insertInto('audit_events').values({ ...row, prev_hash: prev, hash }).returningAll().executeTakeFirstOrThrow();
  }

  async list(filter: AuditFilter, page: number, pageSize: number): Promise<{ total: number; items: AuditEvent[] }> {
    let q = this.db.selectFrom('audit_events');
    if (filter.agencyId !== undefined) q = q.where('agency_id', '=', filter.agencyId);
    if (filter.action) q = q.where('action', '=', filter.action);
    if (filter.subjectType) q = q.where('subject_type', '=', filter.subjectType);
    if (filter.subjectId) q = q.where('subject_id', '=', filter.subjectId);
    if (filter.actorId !== undefined) q = q.where('actor_id', '=', filter.actorId);
    if (filter.from) q = q.where('at', '>=', filter.from);
    if (filter.to) q = q.where('at', '<', filter.to);
    const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    const items = await q.selectAll().orderBy('id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
    return { total: Number(total), items };
  }

  async forSubject(subjectType: string, subjectId: string | number): Promise<AuditEvent[]> {
    return this.db.selectFrom('audit_events').selectAll()
      .where('subject_type', '=', subjectType).where('subject_id', '=', String(subjectId))
      .orderBy('id', 'asc').execute();
  }

  /** Walks the chain in order and names the first event that was altered, or follows a deleted one. */
  async verify(): Promise<AuditVerifyResult> {
    let prev = GENESIS;
    let checked = 0;
    let lastId = 0;
    for (;;) {
      const batch = await this.db.selectFrom('audit_events').selectAll().where('id', '>', lastId).orderBy('id', 'asc').limit(1000).execute();
      if (batch.length === 0) return { ok: true, checked };
      for (const row of batch) {
        if (row.prev_hash !== prev) {
          return { ok: false, checked, brokenAt: row.id, reason: `审计事件 #${row.id} 的前序哈希不符：其前一条事件已被删除或修改` };
        }
        const { id: _id, hash, prev_hash: _p, ...rest } = row;
        if (hashOf(prev, rest) !== hash) {
          return { ok: false, checked, brokenAt: row.id, reason: `审计事件 #${row.id} 的内容与其哈希不符：该行已被修改` };
        }
        prev = hash;
        checked++;
        lastId = row.id;
      }
    }
  }
}
