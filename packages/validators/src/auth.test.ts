import { describe, expect, it } from "vitest";
import { changePasswordSchema, passwordSchema, signUpSchema } from "./auth";

describe("passwordSchema", () => {
  it.each([
    ["too short", "abc123"],
    ["nine characters", "abcdefg1!"],
    ["letters only", "abcdefghijkl"],
    ["digits only", "123456789012"],
    ["symbols only", "!!!!----####"],
    ["one repeated character", "aaaaaaaaaaaa"],
    ["longer than 200 characters", `a1${"x".repeat(199)}`],
  ])("refuses a weak password: %s", (_why, password) => {
    expect(passwordSchema.safeParse(password).success).toBe(false);
  });

  it.each(["correct horse 9", "abcdefghij1", "Tr0ub4dor&3xx", "pässwörd-2024"])("accepts %j", (password) => {
    expect(passwordSchema.safeParse(password).success).toBe(true);
  });

  it("explains what is wrong", () => {
    const result = passwordSchema.safeParse("abcdefghijkl");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Mix letters with digits or symbols");
  });
});

describe("signUpSchema", () => {
  it("normalises the e-mail to trimmed lower case", () => {
    const parsed = signUpSchema.parse({ name: " Ada ", email: "  Ada@Example.COM ", password: "correct horse 9" });
    expect(parsed).toEqual({ name: "Ada", email: "ada@example.com", password: "correct horse 9" });
  });

  it("refuses an invalid e-mail and markup in names", () => {
    expect(signUpSchema.safeParse({ name: "Ada", email: "not-an-email", password: "correct horse 9" }).success).toBe(false);
    expect(signUpSchema.safeParse({ name: "<b>Ada</b>", email: "a@example.com", password: "correct horse 9" }).success).toBe(
      false,
    );
  });
});

describe("changePasswordSchema", () => {
  it("refuses reusing the current password", () => {
    const result = changePasswordSchema.safeParse({ currentPassword: "correct horse 9", newPassword: "correct horse 9" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["newPassword"]);
  });
});
