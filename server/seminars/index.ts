/** Seminars on the server: registration with capacity, attendance (`/api/seminars/*`). */
export { createSeminarCatalog, seminarCatalogOf, type SeminarCatalog, type ServedSeminar } from './catalog';
export { registerSeminarRoutes, SEMINAR_MANAGERS, type SeminarRoutesOptions, type SeminarStatus } from './routes';
export { createSeminarService, type SeminarReader, type SeminarService, type SeminarServiceOptions } from './service';
export { cancelRegistration, findRegistration, listRegistrants, markAttendance, register, seatsTaken, type Registrant, type RegisterOutcome } from './store';
