/**
 * Mail out through the configured SMTP server (nodemailer), for the notification outbox.
 * Plain text only: the bodies come from the message catalogue.
 */
import nodemailer from 'nodemailer';
import type { SendMessage } from '../app/notification-outbox';
import type { SmtpConfig } from './config';

export function smtpSender(smtp: SmtpConfig): SendMessage {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.pass } : undefined,
    // A stalled server must not hold a delivery round for minutes.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return async (m) => {
    await transport.sendMail({ from: smtp.from, to: m.recipient, subject: m.subject, text: m.body });
  };
}
