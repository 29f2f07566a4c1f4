/** Ejected to group recent announcements by Jalali year (the original groups by Gregorian year). */
import { memo, type ReactNode } from 'react';
import { useThemeConfig } from '@docusaurus/theme-common';
import Heading from '@theme/Heading';
import type { Props } from '@theme/BlogSidebar/Content';
import { toPersianDigits } from '@site/src/domain/digits';
import { gregorianToJalali } from '@site/src/domain/jalali';

function groupByJalaliYear(items: Props['items']): [number, Props['items']][] {
  const groups = new Map<number, Props['items'][number][]>();
  for (const item of items) {
    const year = gregorianToJalali(new Date(item.date)).year;
    groups.set(year, [...(groups.get(year) ?? []), item]);
  }
  return [...groups.entries()];
}

function BlogSidebarContent({ items, yearGroupHeadingClassName, ListComponent }: Props): ReactNode {
  const themeConfig = useThemeConfig();
  if (!themeConfig.blog.sidebar.groupByYear) return <ListComponent items={items} />;
  return (
    <>
      {groupByJalaliYear(items).map(([year, yearItems]) => (
        <div role="group" key={year}>
          <Heading as="h3" className={yearGroupHeadingClassName}>
            {toPersianDigits(year)}
          </Heading>
          <ListComponent items={yearItems} />
        </div>
      ))}
    </>
  );
}

export default memo(BlogSidebarContent);
