import type { Kysely, Selectable } from 'kysely';
import type { ApiTokenTable, Database } from '../schema.ts';

export type ApiTokenRow = Selectable<ApiTokenTable>;

/** API tokens: only the sha256 of a token is stored; the token itself is shown once. */
export class ApiTokenRepository {
  constructor(private readonly db: Kysely<Database>) {}

  insert(t: { userId: number; name: string; tokenHash: string }, now: Date): Promise<ApiTokenRow> {
    return this.db.insertInto('api_tokens')
      .values({ user_id: t.userId, name: t.name, token_hash: t.tokenHash, created_at: now.toISOString(), last_used_at: null, revoked_at: null })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Every token of the user, newest first, revoked ones included (so the history stays visible). */
  forUser(userId: number): Promise<ApiTokenRow[]> {
    return this.db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').execute();
  }

  /** The unrevoked token with this hash, as the auth plugin resolves a Bearer token. */
  findActive(tokenHash: string): Promise<{ id: number; user_id: number; last_used_at: string | null } | undefined> {
    return this.db.selectFrom('api_tokens').select(['id', 'user_id', 'last_used_at']).where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).executeTakeFirst();
  }

  byId(id: number): Promise<ApiTokenRow | undefined> {
    return this.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async revoke(id: number, now: Date): Promise<void> {
    await this.db.updateTable('api_tokens').set({ revoked_at: now.toISOString() }).where('id', '=', id).where('revoked_at', 'is', null).execute();
  }

  /** Records use; the auth plugin may call it (throttled) when a token authenticates a request. */
  async touch(id: number, now: Date): Promise<void> {
    await this.db.updateTable('api_tokens').set({ last_used_at: now.toISOString() }).where('id', '=', id).execute();
  }
}
