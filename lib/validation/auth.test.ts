import { describe, expect, it } from "vitest";
import { changePasswordSchema, fieldErrorsOf, loginSchema, registerSchema } from "./auth";

describe("registerSchema", () => {
  const valid = { name: " Ada ", email: " Ada@Example.COM ", password: "ten chars!", confirmPassword: "ten chars!" };

  it("trims the name and lower-cases and trims the email", () => {
    const parsed = registerSchema.parse(valid);
    expect(parsed.name).toBe("Ada");
    expect(parsed.email).toBe("ada@example.com");
  });

  it("requires at least 10 non-space characters in the password", () => {
    const nine = registerSchema.safeParse({ ...valid, password: "123456789", confirmPassword: "123456789" });
    expect(nine.success).toBe(false);
    const spaces = registerSchema.safeParse({ ...valid, password: "  abc     ", confirmPassword: "  abc     " });
    expect(spaces.success).toBe(false);
    const ten = registerSchema.safeParse({ ...valid, password: "1234567890", confirmPassword: "1234567890" });
    expect(ten.success).toBe(true);
  });

  it("names the field of each problem", () => {
    const result = registerSchema.safeParse({ name: "", email: "ada", password: "1234567890", confirmPassword: "0987654321" });
    expect(result.success).toBe(false);
    if (result.success) return;
    const errors = fieldErrorsOf(result.error);
    expect(errors.name).toEqual(["Enter a display name."]);
    expect(errors.email).toEqual(["Enter a valid email address, like ada@example.com."]);
    expect(errors.confirmPassword).toEqual(["The passwords do not match."]);
    expect(errors.password).toBeUndefined();
  });

  it("rejects non-string input without throwing", () => {
    const result = registerSchema.safeParse({ name: 1, email: null, password: {}, confirmPassword: [] });
    expect(result.success).toBe(false);
  });
});

describe("loginSchema and changePasswordSchema", () => {
  it("login needs a well-formed email and a non-empty password", () => {
    expect(loginSchema.safeParse({ email: "a@b.co", password: "x" }).success).toBe(true);
    expect(loginSchema.safeParse({ email: "a@b.co", password: "" }).success).toBe(false);
    expect(loginSchema.safeParse({ email: "a@", password: "x" }).success).toBe(false);
  });

  it("change password refuses reusing the current password and mismatched confirmation", () => {
    const same = changePasswordSchema.safeParse({ currentPassword: "old password", newPassword: "old password", confirmPassword: "old password" });
    expect(same.success).toBe(false);
    if (!same.success) expect(fieldErrorsOf(same.error).newPassword).toBeDefined();
    const mismatch = changePasswordSchema.safeParse({ currentPassword: "old password", newPassword: "new password!", confirmPassword: "new password?" });
    expect(mismatch.success).toBe(false);
    if (!mismatch.success) expect(fieldErrorsOf(mismatch.error).confirmPassword).toBeDefined();
  });
});
