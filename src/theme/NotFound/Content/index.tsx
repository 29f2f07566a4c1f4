/**
 * Wraps the 404 page: a regulation URL naming an edition that does not exist
 * (`/regulations/1399-01/…`, a mistyped citation) says so in Persian and offers the
 * editions list and the same page as in force today, instead of only "page not found".
 */
import type { ReactNode } from 'react';
import Content from '@theme-original/NotFound/Content';
import type ContentType from '@theme/NotFound/Content';
import type { WrapperProps } from '@docusaurus/types';
import BrowserOnly from '@docusaurus/BrowserOnly';
import Link from '@docusaurus/Link';
import { useLocation } from '@docusaurus/router';
import { dateUrlForm } from '@site/src/domain/date-input';
import { todayInTehran } from '@site/src/domain/editions';
import { EDITIONS_ROUTE, editionLabel } from '@site/src/lib/edition-paths';
import { atPath } from '@site/src/lib/point-in-time';
import { useAyinData } from '@site/src/lib/useAyinData';

type Props = WrapperProps<typeof ContentType>;

function UnknownEdition(): ReactNode {
  const { pathname } = useLocation();
  const { editions } = useAyinData();
  const match = /^\/regulations\/(\d{4}-\d{2})(?:\/(.*))?$/.exec(pathname);
  if (!match || !editions.length || editions.some((e) => e.name === match[1])) return null;
  const page = match[2]?.replace(/\/$/, '');
  return (
    <div className="container margin-vert--lg">
      <p role="alert" data-testid="edition-message" className="alert alert--warning">
        ویرایش «{editionLabel(match[1]!)}» از مقررات وجود ندارد. <Link to={EDITIONS_ROUTE}>فهرست ویرایش‌ها</Link>
        {page && (
          <>
            {' · '}
            <Link to={atPath(dateUrlForm(todayInTehran()), page)}>همین صفحه در متن لازم‌الاجرای امروز</Link>
          </>
        )}
      </p>
    </div>
  );
}

export default function NotFoundContentWrapper(props: Props): ReactNode {
  return (
    <>
      <BrowserOnly>{() => <UnknownEdition />}</BrowserOnly>
      <Content {...props} />
    </>
  );
}
