import { createTransport } from "nodemailer";
import type { SmtpSettings } from "./config";
import type { EmailTransport } from "./transports";

/** E-mail through an SMTP server (SMTP_URL), with a small connection pool. */
export function createSmtpTransport(settings: SmtpSettings): EmailTransport & { close: () => void } {
  const transporter = createTransport({
    url: settings.url,
    pool: true,
    maxConnections: 2,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    name: "smtp",
    async sendEmail(message) {
      const info = await transporter.sendMail({
        from: settings.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
      });
      const rejected = (info.rejected ?? []).map(String);
      if (rejected.length > 0) throw new Error(`The mail server rejected ${rejected.join(", ")}`);
    },
    close: () => transporter.close(),
  };
}
