import { coreEnv, type CoreEnv } from "../env";

export type MessageChannel = "email" | "sms";

export interface SmtpSettings {
  url: string;
  from: string;
}

export interface TwilioSettings {
  apiUrl: string;
  accountSid: string;
  authToken: string;
  from: string;
}

/**
 * How messages leave Agora. With neither SMTP nor an SMS provider configured, both channels are
 * delivered to the development inbox (a page listing the outbox), so a fresh checkout shows every
 * message without any account anywhere. Once either is configured the inbox is off, and a channel
 * without a provider is not offered to shoppers.
 */
export interface NotificationSettings {
  storefrontUrl: string;
  sellerUrl: string;
  smtp: SmtpSettings | null;
  twilio: TwilioSettings | null;
  devInbox: boolean;
}

export function notificationSettingsFrom(env: CoreEnv): NotificationSettings {
  const smtp = env.SMTP_URL && env.SMTP_FROM ? { url: env.SMTP_URL, from: env.SMTP_FROM } : null;
  const twilio =
    env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN && env.TWILIO_FROM
      ? {
          apiUrl: env.TWILIO_API_URL,
          accountSid: env.TWILIO_ACCOUNT_SID,
          authToken: env.TWILIO_AUTH_TOKEN,
          from: env.TWILIO_FROM,
        }
      : null;
  return {
    storefrontUrl: env.STOREFRONT_URL.replace(/\/+$/, ""),
    sellerUrl: env.SELLER_URL.replace(/\/+$/, ""),
    smtp,
    twilio,
    devInbox: !smtp && !twilio,
  };
}

let cached: NotificationSettings | undefined;
/** The settings of this process, from its environment. */
export function notificationSettings(): NotificationSettings {
  cached ??= notificationSettingsFrom(coreEnv());
  return cached;
}

/** Which channels can actually reach people with these settings. */
export function availableChannels(settings: NotificationSettings = notificationSettings()): Record<MessageChannel, boolean> {
  return { email: settings.devInbox || settings.smtp !== null, sms: settings.devInbox || settings.twilio !== null };
}
