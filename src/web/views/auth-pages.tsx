import { BareLayout } from './layout.tsx';
import { CsrfField, Field, Notice } from './components.tsx';
import type { PageContext } from '../render.tsx';

export interface LoginPageProps {
  ctx: PageContext;
  /** A local path to return to after signing in. */
  next: string;
  username: string;
  error?: string;
}

/** Staff sign-in. The public never needs an account; the page says so. */
export function LoginPage({ ctx, next, username, error }: LoginPageProps) {
  const t = ctx.t;
  return (
    <BareLayout ctx={ctx} title={t('auth.login.title')}>
      <section class="login" aria-labelledby="login-title">
        <h1 id="login-title">{t('auth.login.title')}</h1>
        <p class="hint">{t('auth.login.hint')}</p>
        {error && <Notice kind="error">{error}</Notice>}
        <form method="post" action="/login" class="login-form">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="next" value={next} />
          <Field id="login-username" label={t('auth.username')} required>
            <input type="text" id="login-username" name="username" value={username} autocomplete="username" required maxLength={64} autoFocus={!username} />
          </Field>
          <Field id="login-password" label={t('auth.password')} required>
            <input type="password" id="login-password" name="password" autocomplete="current-password" required maxLength={200} autoFocus={!!username} />
          </Field>
          <p><button type="submit" class="primary">{t('auth.submit')}</button></p>
        </form>
      </section>
    </BareLayout>
  );
}
