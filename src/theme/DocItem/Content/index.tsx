/**
 * Ejected from theme-classic to put the regulation's metadata card (or a lesson's summary)
 * between the title and the text, and to make the regulation known to the clauses below.
 */
import type { ReactNode } from 'react';
import clsx from 'clsx';
import { ThemeClassNames } from '@docusaurus/theme-common';
import { useDoc, useDocsVersion } from '@docusaurus/plugin-content-docs/client';
import Heading from '@theme/Heading';
import MDXContent from '@theme/MDXContent';
import type { Props } from '@theme/DocItem/Content';
import RegulationCard, { type RegulationFrontMatterRaw } from '@site/src/components/RegulationCard';
import LessonCard, { type LessonFrontMatterRaw } from '@site/src/components/LessonCard';
import SampleBadge from '@site/src/components/SampleBadge';
import CiteButton from '@site/src/components/CiteButton';
import EditionTimeline from '@site/src/components/EditionTimeline';
import EditionBanner from '@site/src/components/EditionTimeline/Banner';
import { ClauseFeedbackProvider } from '@site/src/components/Feedback/ClauseFeedback';

export default function DocItemContent({ children }: Props): ReactNode {
  const { metadata, frontMatter, contentTitle } = useDoc();
  const fm = frontMatter as Record<string, unknown>;
  const title = !frontMatter.hide_title && typeof contentTitle === 'undefined' ? metadata.title : null;
  const isRegulation = typeof fm.code === 'string';
  const isLesson = !isRegulation && typeof fm.duration === 'number';
  // The edition this page belongs to (`current` = docs/, the draft); courses have no editions.
  const edition = useDocsVersion().version;

  const header = title && (
    <header className="ayin-doc-header">
      <Heading as="h1">
        {title} {fm.sample === true && <SampleBadge />}
      </Heading>
      {isRegulation && <CiteButton label={`کل ${title}`} />}
    </header>
  );

  const body = (
    <div className={clsx(ThemeClassNames.docs.docMarkdown, 'markdown')}>
      {isRegulation && <EditionBanner code={fm.code as string} edition={edition} />}
      {header}
      {isRegulation && <RegulationCard frontMatter={fm as unknown as RegulationFrontMatterRaw} />}
      {isRegulation && <EditionTimeline code={fm.code as string} edition={edition} />}
      {isLesson && <LessonCard frontMatter={fm as unknown as LessonFrontMatterRaw} />}
      <MDXContent>{children}</MDXContent>
    </div>
  );

  if (!isRegulation) return body;
  // What a citation needs, for the delegated «ارجاع» handler (src/client/cite.ts).
  return (
    <ClauseFeedbackProvider code={fm.code as string} edition={edition}>
      <div data-reg-code={fm.code as string} data-reg-title={metadata.title} data-reg-permalink={metadata.permalink}>
        {body}
        <div className="ayin-cite-status sr-only" role="status" aria-live="polite" />
      </div>
    </ClauseFeedbackProvider>
  );
}
