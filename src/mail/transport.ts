import nodemailer from 'nodemailer';
import type { MailConfig } from './mail-config.ts';
import type { MailMessage } from './message.ts';

/** Sends one message or throws; the outbox records the error and retries. */
export interface MailTransport {
  send(message: MailMessage): Promise<void>;
}

/** SMTP through nodemailer, from the configured URL (credentials, port and TLS mode are in the URL). */
export function smtpTransport(config: MailConfig): MailTransport {
  const transporter = nodemailer.createTransport({
    url: config.smtpUrl,
    // A server that hangs must not hold a claimed message past its lease (OUTBOX_LEASE_MS).
    connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000,
  });
  return {
    async send(message) {
      const info = await transporter.sendMail({ from: config.from, to: message.to, subject: message.subject, text: message.text });
      if (info.rejected.length > 0) throw new Error(`收件人被拒绝：${info.rejected.map(String).join(', ')}`);
    },
  };
}
