import type { Insertable, Kysely, Updateable } from 'kysely';
import type {
  Database, InspectionColumnRow, InspectionColumnTable, InspectionFindingRow, InspectionFindingTable, InspectionRunRow,
  InspectionRunTable, TextRuleRow, TextRuleTable,
} from '../schema.ts';
import { ErrorReportRepository } from './error-report.repository.ts';
import { InspectionSourceRepository } from './inspection-source.repository.ts';

// Rows per INSERT of findings: 16 columns × 200 stays far below both dialects' parameter limits.
const FINDINGS_PER_INSERT = 200;

/** Inspection runs and their findings. */
export class InspectionRunRepository {
  constructor(private readonly db: Kysely<Database>) {}

  insert(run: Insertable<InspectionRunTable>): Promise<InspectionRunRow> {
    return this.db.insertInto('inspection_runs').values(run).returningAll().executeTakeFirstOrThrow();
  }

  async insertFindings(rows: Insertable<InspectionFindingTable>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += FINDINGS_PER_INSERT) {
      await this.db.insertInto('inspection_findings').values(rows.slice(i, i + FINDINGS_PER_INSERT)).execute();
    }
  }

  byId(id: number): Promise<InspectionRunRow | undefined> {
    return this.db.selectFrom('inspection_runs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  latest(agencyId: number): Promise<InspectionRunRow | undefined> {
    return this.db.selectFrom('inspection_runs').selectAll().where('agency_id', '=', agencyId)
      .orderBy('run_on', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  }

  /** The latest run of each agency (on or before `onOrBefore`, when given). */
  async latestOf(agencyIds: readonly number[], range: { from?: string; to?: string } = {}): Promise<Map<number, InspectionRunRow>> {
    const out = new Map<number, InspectionRunRow>();
    if (agencyIds.length === 0) return out;
    let q = this.db.selectFrom('inspection_runs').selectAll().where('agency_id', 'in', [...agencyIds]);
    if (range.from) q = q.where('run_on', '>=', range.from);
    if (range.to) q = q.where('run_on', '<=', range.to);
    // Per agency the newest row; few rows per agency and day, so a scan of the range is cheap.
    const rows = await q.orderBy('agency_id').orderBy('run_on', 'desc').orderBy('id', 'desc').execute();
    for (const r of rows) if (!out.has(r.agency_id)) out.set(r.agency_id, r);
    return out;
  }

  /** Runs of an agency from `from` on, oldest first (the trend). */
  between(agencyId: number, from: string, to: string): Promise<InspectionRunRow[]> {
    return this.db.selectFrom('inspection_runs').selectAll().where('agency_id', '=', agencyId)
      .where('run_on', '>=', from).where('run_on', '<=', to).orderBy('run_on').orderBy('id').execute();
  }

  findings(runId: number): Promise<InspectionFindingRow[]> {
    return this.db.selectFrom('inspection_findings').selectAll().where('run_id', '=', runId).orderBy('sort').orderBy('id').execute();
  }

  /** The first day each fingerprint was seen (within the findings still kept). */
  async firstSeen(agencyId: number, fingerprints: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (fingerprints.length === 0) return out;
    const wanted = new Set(fingerprints);
    const rows = await this.db.selectFrom('inspection_findings as f').innerJoin('inspection_runs as r', 'r.id', 'f.run_id')
      .select(['f.fingerprint', (eb) => eb.fn.min('r.run_on').as('first')])
      .where('f.agency_id', '=', agencyId)
      .groupBy('f.fingerprint')
      .execute();
    for (const r of rows) if (wanted.has(r.fingerprint)) out.set(r.fingerprint, String(r.first));
    return out;
  }

  /** Drops the findings of runs before `before` (run summaries stay for the trend and reports). */
  async pruneFindings(before: string): Promise<number> {
    const old = this.db.selectFrom('inspection_runs').select('id').where('run_on', '<', before);
    const result = await this.db.deleteFrom('inspection_findings').where('run_id', 'in', old).executeTakeFirst();
    return Number(result.numDeletedRows ?? 0);
  }
}

/** The columns of an agency's site and their update periods. */
export class InspectionColumnRepository {
  constructor(private readonly db: Kysely<Database>) {}

  list(agencyId: number): Promise<InspectionColumnRow[]> {
    return this.db.selectFrom('inspection_columns').selectAll().where('agency_id', '=', agencyId).orderBy('sort').orderBy('id').execute();
  }

  byId(id: number): Promise<InspectionColumnRow | undefined> {
    return this.db.selectFrom('inspection_columns').selectAll().where('id', '=', id).executeTakeFirst();
  }

  insert(row: Insertable<InspectionColumnTable>): Promise<InspectionColumnRow> {
    return this.db.insertInto('inspection_columns').values(row).returningAll().executeTakeFirstOrThrow();
  }

  async update(id: number, changes: Updateable<InspectionColumnTable>): Promise<void> {
    await this.db.updateTable('inspection_columns').set(changes).where('id', '=', id).execute();
  }

  async delete(id: number): Promise<void> {
    await this.db.deleteFrom('inspection_columns').where('id', '=', id).execute();
  }
}

/** Text rules: an agency's own and the platform-wide ones (agency_id null). */
export class TextRuleRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The rules that apply to an agency: its own first, then the platform's. */
  async forAgency(agencyId: number): Promise<TextRuleRow[]> {
    const rows = await this.db.selectFrom('text_rules').selectAll()
      .where((eb) => eb.or([eb('agency_id', '=', agencyId), eb('agency_id', 'is', null)]))
      .orderBy('id').execute();
    return [...rows.filter((r) => r.agency_id !== null), ...rows.filter((r) => r.agency_id === null)];
  }

  /** Rules of one scope: an agency's, or the platform's (null). */
  list(agencyId: number | null): Promise<TextRuleRow[]> {
    const q = this.db.selectFrom('text_rules').selectAll();
    return (agencyId === null ? q.where('agency_id', 'is', null) : q.where('agency_id', '=', agencyId)).orderBy('kind').orderBy('id').execute();
  }

  byId(id: number): Promise<TextRuleRow | undefined> {
    return this.db.selectFrom('text_rules').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async exists(agencyId: number | null, kind: string, normalized: string): Promise<boolean> {
    let q = this.db.selectFrom('text_rules').select('id').where('kind', '=', kind).where('normalized', '=', normalized);
    q = agencyId === null ? q.where('agency_id', 'is', null) : q.where('agency_id', '=', agencyId);
    return (await q.limit(1).executeTakeFirst()) !== undefined;
  }

  insert(row: Insertable<TextRuleTable>): Promise<TextRuleRow> {
    return this.db.insertInto('text_rules').values(row).returningAll().executeTakeFirstOrThrow();
  }

  async delete(id: number): Promise<void> {
    await this.db.deleteFrom('text_rules').where('id', '=', id).execute();
  }
}

/** The repositories of the inspection area (issue 9), bound to one connection or transaction. */
export function inspectionRepositories(db: Kysely<Database>) {
  return {
    runs: new InspectionRunRepository(db),
    columns: new InspectionColumnRepository(db),
    textRules: new TextRuleRepository(db),
    errorReports: new ErrorReportRepository(db),
    sources: new InspectionSourceRepository(db),
  };
}
