/** Home: sends each kind of user where they go — staff to the areas, contractors to courses, editors to the guide. */
import { useState, type ReactNode } from 'react';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import { toPersianDigits } from '@site/src/domain/digits';
import { quickFind } from '@site/src/domain/quick-find';
import { useAyinData } from '@site/src/lib/useAyinData';
import styles from './index.module.css';

function QuickFind(): ReactNode {
  const { regulations } = useAyinData();
  const [query, setQuery] = useState('');
  const entries = Object.entries(regulations).map(([code, r]) => ({ code, ...r }));
  const results = quickFind(entries, query);
  return (
    <form className={styles.quickFind} role="search" onSubmit={(e) => e.preventDefault()}>
      <label htmlFor="quick-find" className={styles.quickFindLabel}>یافتن مقرره با کد یا عنوان</label>
      <input
        id="quick-find"
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder="مثلاً CS-002 یا فروش انشعاب"
        autoComplete="off"
      />
      {query.trim() && (
        <ul className={styles.quickFindResults} aria-live="polite">
          {results.length === 0 && <li>مقرره‌ای با این کد یا عنوان پیدا نشد.</li>}
          {results.map((r) => (
            <li key={r.code}>
              <Link to={r.permalink}>
                <bdi className="ayin-code">{r.code}</bdi> {r.title}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}

export default function Home(): ReactNode {
  const { taxonomy, regulations, courses, regulationsBase } = useAyinData();
  const countIn = (area: string) => Object.values(regulations).filter((r) => r.area === area).length;
  return (
    <Layout title="خانه" description="پایگاه دانش مقررات و سامانه آموزش خدمات مشترکین شرکت توزیع نیروی برق">
      <header className={styles.hero}>
        <div className="container">
          <Heading as="h1" className={styles.title}>آیین</Heading>
          <p className={styles.tagline}>مقررات لازم‌الاجرای خدمات مشترکین، دوره‌های آموزشی و ابلاغیه‌ها در یک جا</p>
          <QuickFind />
        </div>
      </header>
      <main className="container margin-vert--lg">
        <section aria-labelledby="for-staff" className={styles.section}>
          <Heading as="h2" id="for-staff">برای کارکنان واحدهای خدماتی: مقررات بر پایه حوزه</Heading>
          <div className={styles.grid}>
            {taxonomy.areas.filter((area) => countIn(area.id) > 0).map((area) => (
              <Link key={area.id} to={`${regulationsBase}/${area.id}`} className={styles.card}>
                <span className={styles.cardTitle}>{area.title}</span>
                <span className={styles.cardText}>{area.summary}</span>
                <span className={styles.cardMeta}>{toPersianDigits(countIn(area.id))} مقرره</span>
              </Link>
            ))}
          </div>
        </section>
        <section aria-labelledby="for-contractors" className={styles.section}>
          <Heading as="h2" id="for-contractors">برای پیمانکاران: دوره‌های آموزشی</Heading>
          {/* The public build has no courses: they are for contractors' and the company's staff. */}
          {courses.length === 0 ? (
            <p>
              دوره‌های آموزشی ویژهٔ پیمانکاران و کارکنان شرکت است. برای دیدن دوره‌ها و شرکت در آزمون‌ها{' '}
              <Link to="/sign-in?next=%2F">وارد حساب کاربری خود شوید</Link>.
            </p>
          ) : null}
          <div className={styles.grid}>
            {courses.map((course) => (
              <Link key={course.id} to={course.permalink} className={styles.card}>
                <span className={styles.cardTitle}>{course.title}</span>
                <span className={styles.cardText}>{course.summary}</span>
                <span className={styles.cardMeta}>
                  {toPersianDigits(course.lessons)} درس · {toPersianDigits(course.durationHours)} ساعت
                </span>
              </Link>
            ))}
          </div>
        </section>
        <section aria-labelledby="for-editors" className={styles.section}>
          <Heading as="h2" id="for-editors">برای ویراستاران و ناظران</Heading>
          <div className={styles.grid}>
            <Link to="/editing-guide" className={styles.card}>
              <span className={styles.cardTitle}>راهنمای ویراستاران</span>
              <span className={styles.cardText}>نگارش، بررسی و انتشار مقررات: ساختار ماده و تبصره، ارجاع با کد و اعتبارسنجی.</span>
            </Link>
            <Link to="/announcements" className={styles.card}>
              <span className={styles.cardTitle}>ابلاغیه‌ها</span>
              <span className={styles.cardText}>آخرین ابلاغ‌ها و تغییرات مقررات، با خوراک RSS و Atom.</span>
            </Link>
            <Link to="/glossary" className={styles.card}>
              <span className={styles.cardTitle}>واژه‌نامه</span>
              <span className={styles.cardText}>واژه‌های خدمات مشترکین و هم‌معناهای آن‌ها.</span>
            </Link>
          </div>
        </section>
      </main>
    </Layout>
  );
}
