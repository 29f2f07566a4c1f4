/**
 * Wraps the regulations' root route. Docusaurus renders nothing inside it for a path no
 * edition or text matches (`/regulations/1399-01/…`, a mistyped code): a blank page. Such a
 * path gets the site's Persian 404 page instead, which names an unknown edition
 * (src/theme/NotFound/Content).
 */
import type { ReactNode } from 'react';
import DocsRoot from '@theme-original/DocsRoot';
import type DocsRootType from '@theme/DocsRoot';
import NotFound from '@theme/NotFound';
import type { WrapperProps } from '@docusaurus/types';
import { matchPath, useLocation } from '@docusaurus/router';

type Props = WrapperProps<typeof DocsRootType>;

type Routes = Props['route']['routes'];

function matches(routes: Routes, pathname: string): boolean {
  return (routes ?? []).some((r) => matchPath(pathname, { path: r.path, exact: r.exact }) && (!r.routes || matches(r.routes, pathname)));
}

export default function DocsRootWrapper(props: Props): ReactNode {
  const { pathname } = useLocation();
  if (!matches(props.route.routes, pathname)) return <NotFound />;
  return <DocsRoot {...props} />;
}
