/** `/api/seminars/*`: seats and the reader's registration; registrants and attendance for supervisors. */
import { z } from './zod';
import { labelled } from './fields';
import { roleSchema } from './roles';
import { defineRoute } from './route';

export const registrationSchema = z.object({
  registeredAt: z.number(),
  /** null until a supervisor marks it. */
  attended: z.boolean().nullable(),
});
export type Registration = z.infer<typeof registrationSchema>;

export const seminarStatusSchema = z.object({
  seminar: z.object({
    id: z.string(),
    capacity: z.number().int(),
    seatsLeft: z.number().int(),
    timing: z.enum(['upcoming', 'ongoing', 'past']),
  }),
  registration: registrationSchema.nullable(),
  canManage: z.boolean(),
});
export type SeminarStatus = z.infer<typeof seminarStatusSchema>;

export const registrantSchema = registrationSchema.extend({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  roleLabel: z.string(),
  company: z.string().nullable(),
});
export type Registrant = z.infer<typeof registrantSchema>;

// An id that names no seminar is answered 404 like an unknown one (the service decides).
const params = z.object({ id: labelled(z.string().max(200), 'نشست') });

export const attendanceBodySchema = z.strictObject({
  userId: labelled(z.string().min(1).max(64), 'شناسهٔ کاربر'),
  attended: labelled(z.boolean(), 'حضور'),
});

export const seminarRoutes = {
  status: defineRoute({ method: 'GET', path: '/api/seminars/:id', params, response: seminarStatusSchema }),
  register: defineRoute({ method: 'POST', path: '/api/seminars/:id/registration', params, body: z.object({}).nullish(), response: seminarStatusSchema }),
  cancel: defineRoute({ method: 'DELETE', path: '/api/seminars/:id/registration', params, body: z.object({}).nullish(), response: seminarStatusSchema }),
  registrants: defineRoute({ method: 'GET', path: '/api/seminars/:id/registrations', params, response: z.object({ registrations: z.array(registrantSchema) }) }),
  attendance: defineRoute({ method: 'PUT', path: '/api/seminars/:id/attendance', params, body: attendanceBodySchema, response: z.object({ registration: registrantSchema }) }),
};
