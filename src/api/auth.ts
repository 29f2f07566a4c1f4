/** `/api/auth/*`: sign-in, sign-out, the current session, password change. */
import { z } from './zod';
import { labelled } from './fields';
import { roleSchema } from './roles';
import { defineRoute } from './route';

/** The user as every answer about them carries it: never a password hash. */
export const publicUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  roleLabel: z.string(),
  company: z.string().nullable(),
  /** The reading audience of the role (`staff`, `contractor`). */
  audience: z.enum(['staff', 'contractor', 'public']),
});
export type PublicUser = z.infer<typeof publicUserSchema>;

export const sessionSchema = z.object({ user: publicUserSchema, csrfToken: z.string() });
export type Session = z.infer<typeof sessionSchema>;

export const signInBodySchema = z.object({
  username: labelled(z.string().trim().min(1).max(64), 'نام کاربری'),
  password: labelled(z.string().min(1).max(1024), 'گذرواژه'),
});

export const changePasswordBodySchema = z.object({
  currentPassword: labelled(z.string().min(1).max(1024), 'گذرواژهٔ کنونی'),
  newPassword: labelled(z.string().min(1).max(1024), 'گذرواژهٔ تازه'),
});

export const confirmPasswordBodySchema = z.object({ password: labelled(z.string().min(1).max(1024), 'گذرواژه') });

/** How long a re-entered password covers admin actions. */
export const CONFIRMATION_WINDOW_MS = 10 * 60 * 1000;

export const authRoutes = {
  signIn: defineRoute({ method: 'POST', path: '/api/auth/sign-in', body: signInBodySchema, response: sessionSchema }),
  signOut: defineRoute({ method: 'POST', path: '/api/auth/sign-out', body: z.object({}).nullish(), response: z.object({ signedOut: z.literal(true) }) }),
  me: defineRoute({ method: 'GET', path: '/api/auth/me', response: sessionSchema }),
  changePassword: defineRoute({ method: 'POST', path: '/api/auth/password', body: changePasswordBodySchema, response: sessionSchema }),
  /** Re-enter the password before an admin action (valid CONFIRMATION_WINDOW_MS). */
  confirmPassword: defineRoute({ method: 'POST', path: '/api/auth/confirm', body: confirmPasswordBodySchema, response: z.object({ confirmedUntil: z.number() }) }),
};
