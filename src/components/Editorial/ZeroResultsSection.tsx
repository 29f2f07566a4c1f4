/**
 * The editors' and approvers' view of the zero-result search report on /editorial: the queries
 * nobody found an answer to are what the texts or the glossary lack, which is editors' work.
 * The route (`/api/reports/zero-results`, ZERO_RESULT_READERS) lets the same roles in.
 */
import type { ReactNode } from 'react';
import ZeroResults from '@site/src/components/Reports/ZeroResults';

export default function ZeroResultsSection(): ReactNode {
  return <ZeroResults />;
}
