/**
 * The blog post footer, with the acknowledgment of an announcement that asks for one after its
 * text (on the post's own page only, never in the list).
 */
import type { ReactNode } from 'react';
import Footer from '@theme-original/BlogPostItem/Footer';
import type FooterType from '@theme/BlogPostItem/Footer';
import type { WrapperProps } from '@docusaurus/types';
import { useBlogPost } from '@docusaurus/plugin-content-blog/client';
import OnAnnouncement from '@site/src/components/Inbox/OnAnnouncement';

type Props = WrapperProps<typeof FooterType>;

export default function FooterWrapper(props: Props): ReactNode {
  const { metadata, frontMatter, isBlogPostPage } = useBlogPost();
  const asks = isBlogPostPage && Boolean((frontMatter as { acknowledge?: unknown }).acknowledge);
  return (
    <>
      {asks && <OnAnnouncement permalink={metadata.permalink} />}
      <Footer {...props} />
    </>
  );
}
