/**
 * Input schemas of the admin forms, shared by the browser (instant field errors) and the server (the real check).
 * Framework-free: no Prisma, no `next/*`.
 */
import { z } from "zod";
import { emailSchema, newPasswordSchema } from "@/lib/validation/auth";
export { parseOrThrow } from "@/lib/validation/parse";

/** Users shown per page in /admin/users and audit entries per page in /admin/audit. */
export const ADMIN_PAGE_SIZE = 50;

export const registrationModeSchema = z.enum(["open", "invite", "closed"], {
  error: "Choose open, invite or closed.",
});

export type RegistrationMode = z.infer<typeof registrationModeSchema>;

const idSchema = z.string({ error: "Missing user." }).trim().min(1, "Missing user.").max(64, "Invalid user.");

export const userListQuerySchema = z.object({
  /** 1-based page number; out-of-range values fall back to the first page. */
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  /** Case-insensitive substring of the email or the name. */
  q: z.string().trim().max(200).catch("").default(""),
});

export const auditListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export const changeRoleSchema = z.object({
  userId: idSchema,
  role: z.enum(["LEARNER", "ADMIN"], { error: "Choose Learner or Admin." }),
});

export const setDisabledSchema = z.object({
  userId: idSchema,
  disabled: z.boolean({ error: "Choose enable or disable." }),
});

export const createResetLinkSchema = z.object({ userId: idSchema });

export const setRegistrationModeSchema = z.object({ mode: registrationModeSchema });

export const createInviteSchema = z.object({
  /** Optional: when given, only this email can use the invite. */
  email: z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), emailSchema.optional()),
  validDays: z.coerce
    .number({ error: "Enter a number of days." })
    .int("Enter a whole number of days.")
    .min(1, "At least 1 day.")
    .max(90, "At most 90 days."),
});

/** The public reset form: same password policy as registration. */
export const resetPasswordSchema = z
  .object({
    password: newPasswordSchema,
    confirmPassword: z.string({ error: "Repeat the password." }),
  })
  .refine((data) => data.password === data.confirmPassword, {
    error: "The passwords do not match.",
    path: ["confirmPassword"],
  });
