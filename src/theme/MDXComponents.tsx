/**
 * Components every MDX page can use without importing them (Keystatic cannot write imports).
 * Clause headings and items get a citation button here, at render time, so the table of
 * contents (built from the Markdown) stays clean.
 */
import type { ComponentProps, ReactNode } from 'react';
import MDXComponents from '@theme-original/MDXComponents';
import Clause from '@site/src/components/Clause';
import CiteButton from '@site/src/components/CiteButton';
import Quiz from '@site/src/components/Quiz';
import EditionChanges from '@site/src/components/EditionChanges';
import Truncate from '@site/src/components/Truncate';
import { labelForAnchor } from '@site/src/domain/clauses';

const OriginalH2 = MDXComponents.h2;

function ClauseHeading(props: ComponentProps<'h2'>): ReactNode {
  const label = props.id ? labelForAnchor(props.id) : undefined;
  if (!label) return <OriginalH2 {...props} />;
  return (
    <OriginalH2 {...props} className="clause clause--article">
      {props.children}
      <CiteButton anchor={props.id} label={label} />
    </OriginalH2>
  );
}

function ClauseItem({ children, ...props }: ComponentProps<'li'> & { 'data-clause'?: string }): ReactNode {
  const label = props['data-clause'];
  if (!label || !props.id) return <li {...props}>{children}</li>;
  return (
    <li {...props} className="clause clause--item">
      {children}
      <CiteButton anchor={props.id} label={label} />
    </li>
  );
}

export default {
  ...MDXComponents,
  h2: ClauseHeading,
  li: ClauseItem,
  Clause,
  Quiz,
  EditionChanges,
  Truncate,
};
