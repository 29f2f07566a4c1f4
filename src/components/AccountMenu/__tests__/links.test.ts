import { describe, expect, it } from 'vitest';
import { ROLES } from '@site/src/api/roles';
import { accountLinks } from '../links';

const hrefs = (role: (typeof ROLES)[number]) => accountLinks(role).map((l) => l.href);

describe('the account menu', () => {
  it('takes editors and approvers to their dashboard and the content editor, and no one else', () => {
    for (const role of ROLES) {
      const editorial = role === 'editor' || role === 'approver';
      expect(hrefs(role).includes('/editorial'), role).toBe(editorial);
      expect(hrefs(role).includes('/keystatic'), role).toBe(editorial);
    }
  });

  it('labels every link in Persian, once', () => {
    for (const role of ROLES) {
      const links = accountLinks(role);
      expect(new Set(links.map((l) => l.href)).size).toBe(links.length);
      for (const link of links) expect(link.label).toMatch(/^[\u0600-\u06FF\u200C ]+$/);
    }
  });
});
