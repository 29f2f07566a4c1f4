/**
 * `/training-review` («بازبینی آموزش»): editors, approvers and admins review the questions and
 * lessons whose cited clause an edition changed. A shell in every build; the API decides who may see it.
 */
import type { ReactNode } from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import { REVIEWING_ROLES } from '@site/src/api/roles';
import SignedIn from '@site/src/components/Training/SignedIn';
import TrainingReview from '@site/src/components/TrainingReview';
import styles from '@site/src/components/Training/styles.module.css';

export default function TrainingReviewPage(): ReactNode {
  return (
    <Layout title="بازبینی آموزش" description="پرسش‌ها و درس‌هایی که بند استنادی آن‌ها در ویرایش تازه تغییر کرده است">
      <main className={`container ${styles.page}`}>
        <Heading as="h1">بازبینی آموزش</Heading>
        <p className={styles.hint}>این پرسش‌ها و درس‌ها به بندی استناد می‌کنند که ویرایش تازهٔ مقررات آن را تغییر داده یا لغو کرده است. متن را با تغییر بند مقایسه کنید و پس از به‌روزرسانی، «بازبینی شد» را بزنید.</p>
        <SignedIn what="بازبینی مطالب آموزشی" roles={REVIEWING_ROLES}>
          {() => <TrainingReview />}
        </SignedIn>
      </main>
    </Layout>
  );
}
