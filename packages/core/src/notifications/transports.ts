/**
 * How messages leave Agora: one interface per channel, so the worker does not care whether an e-mail
 * goes through SMTP or to the development inbox, and tests hand in transports that fail on purpose.
 */
import type { NotificationSettings, TwilioSettings } from "./config";

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
}

export interface OutgoingSms {
  /** E.164, e.g. +14155550123. */
  to: string;
  body: string;
}

export interface EmailTransport {
  /** Recorded on each message it delivered, e.g. "smtp" or "dev-inbox". */
  readonly name: string;
  /** Resolves once the server accepted the message; throws when it did not. */
  sendEmail(message: OutgoingEmail): Promise<void>;
}

export interface SmsTransport {
  readonly name: string;
  sendSms(message: OutgoingSms): Promise<void>;
}

/** A channel without a transport cannot deliver: its messages are retried and finally marked failed. */
export interface MessageTransports {
  email: EmailTransport | null;
  sms: SmsTransport | null;
  /** Releases connections (SMTP pool) when the worker stops. */
  close?: () => Promise<void>;
}

export const DEV_INBOX = "dev-inbox";

/**
 * The development inbox: the outbox rows themselves are the inbox (the storefront's /dev/inbox page),
 * so delivering is only recording that the message reached it.
 */
export const devInboxEmail: EmailTransport = { name: DEV_INBOX, sendEmail: async () => {} };
export const devInboxSms: SmsTransport = { name: DEV_INBOX, sendSms: async () => {} };

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** A Twilio-style REST API: POST /2010-04-01/Accounts/{sid}/Messages.json with basic auth. */
export function createTwilioSmsTransport(settings: TwilioSettings, fetchImpl: Fetch = fetch): SmsTransport {
  const endpoint = `${settings.apiUrl.replace(/\/+$/, "")}/2010-04-01/Accounts/${encodeURIComponent(settings.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${settings.accountSid}:${settings.authToken}`).toString("base64")}`;
  return {
    name: "twilio",
    async sendSms(message) {
      const res = await fetchImpl(endpoint, {
        method: "POST",
        headers: { authorization, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        body: new URLSearchParams({ To: message.to, From: settings.from, Body: message.body }).toString(),
        signal: AbortSignal.timeout(15_000),
      });
      if (res.ok) return;
      let detail = "";
      try {
        const json = (await res.json()) as { message?: unknown; code?: unknown };
        detail = [json.code, json.message].filter((v) => typeof v === "string" || typeof v === "number").join(" ");
      } catch {
        // not JSON: the status says enough
      }
      throw new Error(`SMS provider answered ${res.status}${detail ? `: ${detail}` : ""}`);
    },
  };
}

/**
 * The transports these settings call for: SMTP and the SMS provider when configured, the development
 * inbox for both channels when neither is.
 */
export async function createMessageTransports(
  settings: NotificationSettings,
  deps: { fetch?: Fetch } = {},
): Promise<MessageTransports> {
  if (settings.devInbox) return { email: devInboxEmail, sms: devInboxSms };
  // Loaded only when configured, so nothing else pulls in the SMTP client.
  const smtp = settings.smtp ? (await import("./smtp")).createSmtpTransport(settings.smtp) : null;
  const sms = settings.twilio ? createTwilioSmsTransport(settings.twilio, deps.fetch) : null;
  return { email: smtp, sms, close: async () => smtp?.close() };
}
