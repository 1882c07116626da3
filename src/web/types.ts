import type { StaffUser } from '../services/actor.ts';
import type { Lang, Translate } from './i18n/index.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in staff member (session cookie on pages, Bearer token on the API), or null. */
    user: StaffUser | null;
    /** How `user` was authenticated. */
    authKind: 'session' | 'token' | null;
    /** sha256 of the session cookie, when signed in through a session. */
    sessionId: string | null;
    lang: Lang;
    t: Translate;
    /** The token to put in every state-changing form (hidden field `_csrf`). */
    csrfToken: string;
    /** Large text / high contrast mode (适老化), from the `gk_large` cookie. */
    largeText: boolean;
  }
}

export {};
