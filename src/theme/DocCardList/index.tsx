/**
 * An area's index lists its regulations as a table staff can scan (code, title, type, in force
 * from, status); elsewhere (courses) the usual cards.
 */
import type { ReactNode } from 'react';
import DocCardList from '@theme-original/DocCardList';
import type { Props } from '@theme/DocCardList';
import { useActivePlugin } from '@docusaurus/plugin-content-docs/client';
import RegulationTable from '@site/src/components/RegulationTable';

export default function DocCardListWrapper(props: Props): ReactNode {
  const plugin = useActivePlugin();
  if (plugin?.pluginId === 'default' && props.items) return <RegulationTable items={props.items} />;
  return <DocCardList {...props} />;
}
