/** `/api/certificates/*` (the owner's) and `/api/verify/:code` (anyone's check of a code). */
import { z } from './zod';
import { labelled } from './fields';
import { defineRoute } from './route';

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
});
export type VerifiedCertificate = z.infer<typeof verifiedCertificateSchema>;

// Any case, with or without the hyphen; the certificate store checks the check character.
const code = labelled(z.string().min(1).max(64), 'کد گواهی');

export const certificateRoutes = {
  certificate: defineRoute({ method: 'GET', path: '/api/certificates/:code', params: z.object({ code }), response: certificateSchema }),
  pdf: defineRoute({ method: 'GET', path: '/api/certificates/:code/pdf', params: z.object({ code }), response: null }),
  verify: defineRoute({ method: 'GET', path: '/api/verify/:code', params: z.object({ code }), response: verifiedCertificateSchema }),
};
