/** `/api/certificates/*` (the owner's) and `/api/verify/:code` (anyone's check of a code). */
import { z } from './zod';
import { labelled } from './fields';
import { defineRoute } from './route';

/** Whether a certificate still stands, and on which edition (src/domain/training/currency.ts). */
export const currencyFields = {
  status: z.enum(['valid', 'refresher-due', 'expired', 'superseded']),
  /** «معتبر», «نیازمند بازآموزی», «منقضی», «جایگزین‌شده». */
  statusLabel: z.string(),
  /** The edition the completion rests on now: the one in force at completion, or at the last refresher passed. */
  restsOn: z.string(),
  /** «۱۴۰۶/۰۹/۰۱», the first day it no longer holds; null without a validity period. */
  validUntil: z.string().nullable(),
};

/** Names, company, course title and edition are as printed at issue. */
export const certificateSchema = z.object({
  /** `ABCDE-FGHJK`. */
  code: z.string(),
  course: z.string(),
  courseTitle: z.string(),
  learner: z.string(),
  company: z.string().nullable(),
  issuedAt: z.string(),
  /** «۱۴۰۴/۰۹/۰۱». */
  issuedAtJalali: z.string(),
  /** «۱ آذر ۱۴۰۴». */
  issuedAtJalaliLong: z.string(),
  /** «ویرایش ۱۴۰۴/۰۹» or «متن جاری». */
  edition: z.string(),
  verifyPath: z.string(),
  ...currencyFields,
  /** «۱۴۰۴/۱۰/۰۱» when a refresher is due; the owner's view only. */
  refresherDueOn: z.string().nullable(),
});
export type Certificate = z.infer<typeof certificateSchema>;

/** All that verification tells anyone: enough to confirm a certificate, nothing more. */
export const verifiedCertificateSchema = z.object({
  valid: z.literal(true),
  code: z.string(),
  learner: z.string(),
  /** The course's title. */
  course: z.string(),
  /** «۱۴۰۴/۰۹/۱۰». */
  issuedAt: z.string(),
  edition: z.string(),
  ...currencyFields,
});
export type VerifiedCertificate = z.infer<typeof verifiedCertificateSchema>;

// Any case, with or without the hyphen; the certificate store checks the check character.
const code = labelled(z.string().min(1).max(64), 'کد گواهی');

export const certificateRoutes = {
  certificate: defineRoute({ method: 'GET', path: '/api/certificates/:code', params: z.object({ code }), response: certificateSchema }),
  pdf: defineRoute({ method: 'GET', path: '/api/certificates/:code/pdf', params: z.object({ code }), response: null }),
  verify: defineRoute({ method: 'GET', path: '/api/verify/:code', params: z.object({ code }), response: verifiedCertificateSchema }),
};
