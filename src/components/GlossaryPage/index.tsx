/** `/glossary`: the words of subscriber services, with their synonyms and English names. */
import type { ReactNode } from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import type { GlossaryEntry } from '@site/src/content/schemas/glossary';
import { useTermTitle } from '@site/src/lib/useAyinData';
import { toPersianDigits } from '@site/src/domain/digits';

const slug = (term: string) => term.replace(/\s+/g, '-');

export default function GlossaryPage({ glossary }: { glossary: GlossaryEntry[] }): ReactNode {
  const term = useTermTitle();
  const entries = [...glossary].sort((a, b) => a.term.localeCompare(b.term, 'fa'));
  return (
    <Layout title="واژه‌نامه" description="واژه‌های خدمات مشترکین برق و معادل‌های آن‌ها">
      <main className="container margin-vert--lg ayin-glossary">
        <Heading as="h1">واژه‌نامه خدمات مشترکین</Heading>
        <p>
          {toPersianDigits(entries.length)} واژه. جست‌وجو هم‌معناها را یکی می‌گیرد؛ مثلاً «کنتور» و «لوازم اندازه‌گیری».
        </p>
        {entries.map((e) => (
          <section key={e.term} id={slug(e.term)} className="ayin-glossary__entry">
            <Heading as="h2">
              {e.term}
              {e.english && (
                <span className="ayin-glossary__english">
                  <bdi lang="en" dir="ltr">{e.english}</bdi>
                </span>
              )}
            </Heading>
            <p>{e.definition}</p>
            {e.synonyms.length > 0 && <p className="ayin-glossary__meta">هم‌معنا: {e.synonyms.join('، ')}</p>}
            {e.area && <p className="ayin-glossary__meta">حوزه: {term('areas', e.area)}</p>}
          </section>
        ))}
      </main>
    </Layout>
  );
}
