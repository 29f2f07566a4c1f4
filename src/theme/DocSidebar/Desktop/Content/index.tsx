/**
 * Wraps the regulations sidebar to put the point-in-time picker («متن لازم‌الاجرا در تاریخ …»)
 * above the list: it goes to the same regulation or area in the edition in force on the
 * chosen day. Other sidebars (courses) are left as they are.
 */
import type { ReactNode } from 'react';
import Content from '@theme-original/DocSidebar/Desktop/Content';
import type ContentType from '@theme/DocSidebar/Desktop/Content';
import type { WrapperProps } from '@docusaurus/types';
import { useLocation } from '@docusaurus/router';
import PointInTimePicker from '@site/src/components/PointInTime';
import { pageOfPath } from '@site/src/lib/point-in-time';
import { useAyinData } from '@site/src/lib/useAyinData';

type Props = WrapperProps<typeof ContentType>;

export default function ContentWrapper(props: Props): ReactNode {
  const { pathname } = useLocation();
  const { editions } = useAyinData();
  const onRegulations = pathname.startsWith('/regulations/') && editions.length > 0;
  return (
    <>
      {onRegulations && <PointInTimePicker page={pageOfPath(pathname)} />}
      <Content {...props} />
    </>
  );
}
