import { describe, expect, it } from "vitest";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "./passwords";

describe("password hashing", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("correct horse 42");
    expect(await verifyPassword("correct horse 42", hash)).toBe(true);
    expect(await verifyPassword("correct horse 43", hash)).toBe(false);
    expect(await verifyPassword("Correct horse 42", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("salts every hash, so the same password hashes differently each time", async () => {
    const [a, b] = await Promise.all([hashPassword("same password 1"), hashPassword("same password 1")]);
    expect(a).not.toBe(b);
    expect(await verifyPassword("same password 1", a)).toBe(true);
    expect(await verifyPassword("same password 1", b)).toBe(true);
  });

  it("stores scheme, cost parameters, salt and key as scrypt$N$r$p$salt$hash", async () => {
    const hash = await hashPassword("format check 7");
    const parts = hash.split("$");
    expect(parts).toHaveLength(6);
    const [scheme, n, r, p, salt = "", key = ""] = parts;
    expect(scheme).toBe("scrypt");
    expect(Number(n)).toBeGreaterThanOrEqual(2 ** 15);
    expect(Number(r)).toBeGreaterThanOrEqual(8);
    expect(Number(p)).toBeGreaterThanOrEqual(1);
    expect(Buffer.from(salt, "base64")).toHaveLength(16);
    expect(Buffer.from(key, "base64")).toHaveLength(32);
    expect(hash).not.toContain("format check 7");
  });

  it("treats canonically equivalent Unicode spellings as the same password", async () => {
    const hash = await hashPassword("\uFB01ne-password-1"); // "ﬁ" ligature
    expect(await verifyPassword("fine-password-1", hash)).toBe(true);
  });

  it("refuses malformed or foreign hashes instead of throwing", async () => {
    expect(await verifyPassword("anything", "")).toBe(false);
    expect(await verifyPassword("anything", "bcrypt$2b$10$abc")).toBe(false);
    expect(await verifyPassword("anything", "scrypt$32768$8$1$onlysalt")).toBe(false);
  });

  it("never matches the dummy hash used for unknown e-mails", async () => {
    expect(await verifyPassword("", DUMMY_PASSWORD_HASH)).toBe(false);
    expect(await verifyPassword("password", DUMMY_PASSWORD_HASH)).toBe(false);
  });
});
