/** How training pages name an edition: `1404-09` → «ویرایش ۱۴۰۴/۰۹»; `next` (docs/) → «متن در دست تهیه». */
import { toPersianDigits } from '../digits';

export function editionName(name: string): string {
  if (name === 'next') return 'متن در دست تهیه (ویرایش بعدی)';
  return /^\d{4}-\d{2}$/.test(name) ? `ویرایش ${toPersianDigits(name.replace('-', '/'))}` : name;
}
