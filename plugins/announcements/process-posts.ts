/**
 * Announcements are dated in Jalali (`published: 1404/08/15`). Docusaurus's blog only knows
 * Gregorian dates, so the post's date is set from `published`, and the list re-sorted.
 */
import type { BlogPost } from '@docusaurus/plugin-content-blog';
import { jalaliToGregorianUTC, parseJalali } from '../../src/domain/jalali';

export async function datePublishedAnnouncements({ blogPosts }: { blogPosts: BlogPost[] }): Promise<BlogPost[]> {
  const dated = blogPosts.map((post) => {
    const published = parseJalali(String(post.metadata.frontMatter.published ?? ''));
    // The content plugin has already rejected a missing or impossible date with its location.
    return published.ok ? { ...post, metadata: { ...post.metadata, date: jalaliToGregorianUTC(published.date) } } : post;
  });
  return dated.sort((a, b) => b.metadata.date.getTime() - a.metadata.date.getTime());
}
