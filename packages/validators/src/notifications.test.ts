import { describe, expect, it } from "vitest";
import { notificationPreferencesSchema } from "./notifications";

const errorsOf = (input: unknown) => {
  const result = notificationPreferencesSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("notificationPreferencesSchema", () => {
  it("accepts e-mail only without a phone number", () => {
    expect(notificationPreferencesSchema.parse({ email: true, sms: false })).toEqual({ email: true, sms: false, phone: null });
    expect(notificationPreferencesSchema.parse({ email: false, sms: false, phone: "" })).toEqual({
      email: false,
      sms: false,
      phone: null,
    });
  });

  it("normalises a typed number to E.164", () => {
    expect(notificationPreferencesSchema.parse({ email: true, sms: true, phone: " +1 (415) 555-0123 " }).phone).toBe(
      "+14155550123",
    );
    expect(notificationPreferencesSchema.parse({ email: true, sms: true, phone: "+44 20 7946 0958" }).phone).toBe(
      "+442079460958",
    );
  });

  it("requires a number when text messages are on", () => {
    expect(errorsOf({ email: true, sms: true, phone: "" })).toEqual({ phone: "Enter a mobile number to get text messages" });
    expect(errorsOf({ email: true, sms: true })).toEqual({ phone: "Enter a mobile number to get text messages" });
  });

  it.each(["4155550123", "+0415555012", "+1 415 CALL NOW", "+12", "+1234567890123456"])(
    "refuses %j with a clear message",
    (phone) => {
      expect(errorsOf({ email: true, sms: true, phone })).toEqual({
        phone: "Enter the number with its country code, e.g. +14155550123",
      });
    },
  );

  it("keeps a valid number while text messages are off, and still checks it", () => {
    expect(notificationPreferencesSchema.parse({ email: true, sms: false, phone: "+14155550123" }).phone).toBe("+14155550123");
    expect(errorsOf({ email: true, sms: false, phone: "555" })).toHaveProperty("phone");
  });
});
