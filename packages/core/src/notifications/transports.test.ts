import { describe, expect, it } from "vitest";
import { parseCoreEnv } from "../env";
import { availableChannels, notificationSettingsFrom } from "./config";
import { createMessageTransports, createTwilioSmsTransport, DEV_INBOX } from "./transports";

const twilio = { apiUrl: "https://sms.example/", accountSid: "AC123", authToken: "secret", from: "+15005550006" };

describe("createTwilioSmsTransport", () => {
  it("posts the message as a form with basic auth", async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const transport = createTwilioSmsTransport(twilio, async (url, init) => {
      calls.push({ url, init });
      return new Response(JSON.stringify({ sid: "SM1" }), { status: 201 });
    });
    await transport.sendSms({ to: "+14155550123", body: "Agora: order #100001 has shipped." });
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.url).toBe("https://sms.example/2010-04-01/Accounts/AC123/Messages.json");
    expect(call?.init.method).toBe("POST");
    expect(new Headers(call?.init.headers).get("authorization")).toBe(`Basic ${Buffer.from("AC123:secret").toString("base64")}`);
    expect(Object.fromEntries(new URLSearchParams(String(call?.init.body)))).toEqual({
      To: "+14155550123",
      From: "+15005550006",
      Body: "Agora: order #100001 has shipped.",
    });
  });

  it("throws with the provider's explanation when it refuses", async () => {
    const transport = createTwilioSmsTransport(
      twilio,
      async () => new Response(JSON.stringify({ code: 21211, message: "Invalid 'To' Phone Number" }), { status: 400 }),
    );
    await expect(transport.sendSms({ to: "+1", body: "x" })).rejects.toThrow(
      "SMS provider answered 400: 21211 Invalid 'To' Phone Number",
    );
  });
});

describe("notification settings", () => {
  it("uses the development inbox for both channels when nothing is configured", async () => {
    const settings = notificationSettingsFrom(parseCoreEnv({ STOREFRONT_URL: "https://shop.example/" }));
    expect(settings).toMatchObject({ devInbox: true, smtp: null, twilio: null, storefrontUrl: "https://shop.example" });
    expect(availableChannels(settings)).toEqual({ email: true, sms: true });
    const transports = await createMessageTransports(settings);
    expect([transports.email?.name, transports.sms?.name]).toEqual([DEV_INBOX, DEV_INBOX]);
  });

  it("turns the inbox off once a provider is configured, and offers only configured channels", async () => {
    const settings = notificationSettingsFrom(
      parseCoreEnv({ TWILIO_ACCOUNT_SID: "AC1", TWILIO_AUTH_TOKEN: "t", TWILIO_FROM: "+15005550006" }),
    );
    expect(settings.devInbox).toBe(false);
    expect(availableChannels(settings)).toEqual({ email: false, sms: true });
    const transports = await createMessageTransports(settings);
    expect(transports.email).toBeNull();
    expect(transports.sms?.name).toBe("twilio");
  });

  it("builds an SMTP transport from SMTP_URL", async () => {
    const settings = notificationSettingsFrom(
      parseCoreEnv({ SMTP_URL: "smtp://mail.example:2525", SMTP_FROM: "Agora <orders@example.com>" }),
    );
    expect(availableChannels(settings)).toEqual({ email: true, sms: false });
    const transports = await createMessageTransports(settings);
    expect(transports.email?.name).toBe("smtp");
    await transports.close?.();
  });

  it("refuses half a configuration with a message naming the variables", () => {
    expect(() => parseCoreEnv({ SMTP_URL: "smtp://mail.example" })).toThrow(/SMTP_FROM is required when SMTP_URL is set/);
    expect(() => parseCoreEnv({ TWILIO_AUTH_TOKEN: "t" })).toThrow(/TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM/);
    expect(() => parseCoreEnv({ SMTP_URL: "https://mail.example", SMTP_FROM: "a@b.c" })).toThrow(/smtp:\/\/ or smtps:\/\//);
  });
});
