/** `/refresher?course=…` («بازآموزی»): the signed-in learner's refresher for a completed course. */
import type { ReactNode } from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import BrowserOnly from '@docusaurus/BrowserOnly';
import SignedIn, { Notice } from '@site/src/components/Training/SignedIn';
import RefresherView from '@site/src/components/Refresher';
import styles from '@site/src/components/Training/styles.module.css';

function CourseRefresher(): ReactNode {
  const course = new URLSearchParams(window.location.search).get('course')?.trim().slice(0, 200);
  if (!course) return <Notice kind="warning">دورهٔ بازآموزی مشخص نشده است؛ از صفحهٔ «یادگیری من» وارد شوید.</Notice>;
  return <RefresherView course={course} />;
}

export default function RefresherPage(): ReactNode {
  return (
    <Layout title="بازآموزی" description="بازآموزی بندهای تغییرکردهٔ مقررات یک دورهٔ گذرانده‌شده">
      <main className={`container ${styles.page}`}>
        <Heading as="h1">بازآموزی</Heading>
        <SignedIn what="بازآموزی">{() => <BrowserOnly>{() => <CourseRefresher />}</BrowserOnly>}</SignedIn>
      </main>
    </Layout>
  );
}
