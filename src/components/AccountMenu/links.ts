/**
 * Each role's pages in the account menu. Only a way there: every page and route checks the
 * role itself on the server.
 */
import type { Role } from '@site/src/api/roles';

export interface MenuLink {
  readonly href: string;
  readonly label: string;
}

export function accountLinks(role: Role): MenuLink[] {
  const links: MenuLink[] = [{ href: '/inbox', label: 'کارتابل' }, { href: '/my-learning', label: 'یادگیری من' }];
  if (role === 'staff' || role === 'contractor' || role === 'supervisor') links.push({ href: '/my-feedback', label: 'پیشنهادهای من' });
  if (role === 'editor' || role === 'approver') {
    links.push({ href: '/editorial', label: 'کارتابل ویرایش' }, { href: '/keystatic', label: 'ویرایشگر محتوا' });
  }
  if (role === 'supervisor' || role === 'admin') links.push({ href: '/reports', label: 'گزارش‌ها' });
  if (role === 'supervisor' || role === 'admin' || role === 'approver') links.push({ href: '/acknowledgments', label: 'تأیید وصول ابلاغیه‌ها' });
  if (role === 'editor' || role === 'approver' || role === 'admin') links.push({ href: '/training-review', label: 'بازبینی آموزش' });
  if (role === 'admin') links.push({ href: '/admin', label: 'مدیریت کاربران' });
  links.push({ href: '/change-password', label: 'تغییر گذرواژه' });
  return links;
}
