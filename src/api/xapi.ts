/** The xAPI queue as the admins see it: statements sent, waiting and failing, and the last error. */
import { defineRoute } from './route';
import { z } from './zod';

export const xapiStatusSchema = z.object({
  /** False: `XAPI_ENDPOINT` is not set and nothing is queued. */
  configured: z.boolean(),
  /** The LRS's address without credentials, when configured. */
  endpoint: z.string().nullable(),
  sent: z.number().int(),
  pending: z.number().int(),
  failing: z.number().int(),
  lastError: z.string().nullable(),
  lastFailedAt: z.number().nullable(),
  nextAttemptAt: z.number().nullable(),
});
export type XapiStatus = z.infer<typeof xapiStatusSchema>;

export const xapiRoutes = {
  status: defineRoute({ method: 'GET', path: '/api/admin/xapi', response: xapiStatusSchema }),
};
