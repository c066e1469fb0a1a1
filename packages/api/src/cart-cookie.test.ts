import { describe, expect, it } from "vitest";
import { cartSetCookieHeader, cartTokenFromCookieHeader } from "./cart-cookie";

describe("the guest cart cookie", () => {
  it("is read from a Cookie header among others", () => {
    expect(cartTokenFromCookieHeader("a=1; agora_cart=abc_DEF-123; b=2")).toBe("abc_DEF-123");
    expect(cartTokenFromCookieHeader("agora_cart_old=x; xagora_cart=y")).toBeNull();
    expect(cartTokenFromCookieHeader("agora_cart=")).toBeNull();
    expect(cartTokenFromCookieHeader(null)).toBeNull();
  });

  it("is set httpOnly and SameSite=Lax for the whole site, and cleared with Max-Age=0", () => {
    expect(cartSetCookieHeader("tok")).toMatch(/^agora_cart=tok; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/);
    expect(cartSetCookieHeader(null)).toMatch(/^agora_cart=; Path=\/; Max-Age=0; HttpOnly; SameSite=Lax$/);
  });
});
