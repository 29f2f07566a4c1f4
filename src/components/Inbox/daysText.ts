/** «n روز مانده» / «امروز» / «n روز گذشته», in Persian digits: how the inbox says where a due day stands. */
import { toPersianDigits } from '../../domain/digits';

export function daysText(daysLeft: number): string {
  if (daysLeft === 0) return 'مهلت امروز به پایان می‌رسد';
  if (daysLeft > 0) return `${toPersianDigits(daysLeft)} روز مانده`;
  return `${toPersianDigits(-daysLeft)} روز گذشته`;
}
