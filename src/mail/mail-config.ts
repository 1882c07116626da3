// E-mail settings (README "E-mail"): GONGKAI_SMTP_URL and GONGKAI_MAIL_FROM. Without an SMTP URL
// no e-mail is queued or sent and deadline reminders go to the staff inbox only.

export interface MailConfig {
  /** smtp://user:pass@host:587 (STARTTLS when the server offers it) or smtps://user:pass@host:465. */
  smtpUrl: string;
  /** The From address, e.g. `政府信息公开 <gongkai@example.gov.cn>`. */
  from: string;
}

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** A plain address, or a display name followed by `<address>`. */
export function isMailbox(value: string): boolean {
  const m = /^[^<>\r\n]*<([^<>]+)>$/.exec(value.trim());
  return ADDRESS.test(m ? m[1]! : value.trim());
}

export function isEmailAddress(value: string): boolean {
  return ADDRESS.test(value) && value.length <= 200;
}

/** The mail settings, or null when e-mail is off; throws (without echoing a password) when they are malformed. */
export function mailConfigFromEnv(env: NodeJS.ProcessEnv): MailConfig | null {
  const smtpUrl = (env.GONGKAI_SMTP_URL ?? '').trim();
  const from = (env.GONGKAI_MAIL_FROM ?? '').trim();
  if (smtpUrl === '') return null;
  let url: URL | null = null;
  try {
    url = new URL(smtpUrl);
  } catch {
    url = null;
  }
  if (url === null || !['smtp:', 'smtps:'].includes(url.protocol) || url.hostname === '') {
    throw new Error('环境变量 GONGKAI_SMTP_URL 应为 smtp://用户名:密码@主机:端口 或 smtps://… 形式的地址');
  }
  if (from === '') throw new Error('设置了 GONGKAI_SMTP_URL 时须同时设置 GONGKAI_MAIL_FROM（发件人地址）');
  if (!isMailbox(from)) throw new Error(`环境变量 GONGKAI_MAIL_FROM 不是有效的发件人地址：${from}`);
  return { smtpUrl, from };
}
