/**
 * Today's Tehran date in the browser, after hydration: what is "in force" is decided when a
 * page is viewed, never when it was built. `null` during server rendering and the first
 * render, so the static HTML carries neutral wording and hydration does not mismatch.
 */
import { useEffect, useState } from 'react';
import { todayInTehran } from '../domain/editions';
import type { JalaliDate } from '../domain/jalali';

export function useViewingDay(): JalaliDate | null {
  const [today, setToday] = useState<JalaliDate | null>(null);
  useEffect(() => setToday(todayInTehran()), []);
  return today;
}
