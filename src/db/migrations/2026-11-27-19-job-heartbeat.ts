import type { Kysely } from 'kysely';

// A running scheduled job refreshes heartbeat_at while it runs (src/jobs/scheduler.ts). A claim whose
// run has not finished and whose heartbeat (or, for rows written before this migration, start) is
// older than the lease belongs to an instance that died, and another instance may take it over.
// Rows written before this migration keep NULL, read as started_at.
// Frozen: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('job_runs').addColumn('heartbeat_at', 'varchar(30)').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('job_runs').dropColumn('heartbeat_at').execute();
}
