/**
 * The published editions (`content/editions.yml`): one entry per edition, oldest first.
 * Which edition is in force is decided at viewing time (src/domain/editions.ts); this file
 * only guarantees the list is one that decision can be made on.
 */
import * as z from 'zod';
import { compareJalali, formatJalaliIso, type JalaliDate } from '../../domain/jalali';
import type { Edition } from '../../domain/editions';
import { clauseCite, jalaliDate, persianText } from './common';

/** `1404-09`: the Jalali year and month the edition takes effect; also its URL segment. */
export const editionName = z
  .string({ error: 'expected an edition name like 1404-09' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected an edition name like 1404-09 (Jalali year, dash, month 01–12)');

const editorialClauses = z.array(clauseCite).min(1, 'list at least one clause, or write true for the whole edition');

export const editionEntrySchema = z.strictObject({
  name: editionName,
  effective: jalaliDate,
  notification: z.strictObject({ number: persianText, date: jalaliDate }),
  summary: persianText,
  /**
   * The approver's call that a change is editorial (wording only, no refresher for learners):
   * `true` for every change of the edition, or the changed clauses (`ES-007#ماده-۵`, an
   * article covering its notes, or one note `ES-007#ماده-۵-تبصره-۱`). Stale flags for
   * editors are raised either way.
   */
  editorial: z
    .unknown()
    .transform((value, ctx): true | string[] => {
      // By hand rather than a union, so a bad clause is named by its index, not lost in «no option matched».
      if (value === true) return true;
      if (Array.isArray(value)) {
        const listed = editorialClauses.safeParse(value);
        if (listed.success) return listed.data;
        for (const issue of listed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
        return z.NEVER;
      }
      ctx.addIssue({ code: 'custom', message: 'expected true (every change of the edition is editorial) or a list of clauses like [ES-007#ماده-۵]' });
      return z.NEVER;
    })
    .optional(),
});

const yearMonthOf = ({ year, month }: JalaliDate) => `${year}-${String(month).padStart(2, '0')}`;

/**
 * Cross-entry rules run only once every entry is well formed (zod skips refinements after
 * per-entry errors), so an editor fixes the typos first and then sees the ordering problems.
 */
export const editionsSchema = z.array(editionEntrySchema).superRefine((editions, ctx) => {
  const firstIndexOfName = new Map<string, number>();
  editions.forEach((edition, index) => {
    const earlier = firstIndexOfName.get(edition.name);
    if (earlier === undefined) firstIndexOfName.set(edition.name, index);
    else {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'name'],
        message: `duplicate edition name "${edition.name}" (already used by entry ${earlier + 1})`,
      });
    }

    // The name is what people cite and what URLs carry; it must not disagree with the date.
    const expectedName = yearMonthOf(edition.effective);
    if (edition.name !== expectedName) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'name'],
        message: `must be the effective date's year and month: ${expectedName} (effective ${formatJalaliIso(edition.effective)})`,
      });
    }

    const previous = editions[index - 1];
    if (previous && compareJalali(edition.effective, previous.effective) <= 0) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'effective'],
        message: `must be after the previous edition's effective date ${formatJalaliIso(previous.effective)} (${previous.name}); list editions oldest first`,
      });
    }

    if (compareJalali(edition.notification.date, edition.effective) > 0) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'notification', 'date'],
        message: `a regulation cannot take effect before it is notified: ${formatJalaliIso(edition.notification.date)} is after the effective date ${formatJalaliIso(edition.effective)}`,
      });
    }
  });
});

export type EditionEntry = z.output<typeof editionEntrySchema>;

// The validated file feeds the domain functions directly; this breaks the build if they drift.
const _entryIsEdition: (entry: EditionEntry) => Edition = (entry) => entry;
void _entryIsEdition;
