/** `/my-feedback` (پیشنهادهای من): a reader's suggestions on clauses and the editors' answers. */
import type { ReactNode } from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import { FEEDBACK_ROLES } from '@site/src/api/feedback';
import MyFeedback from '@site/src/components/Feedback/MyFeedback';
import SignedIn from '@site/src/components/Training/SignedIn';

export default function MyFeedbackPage(): ReactNode {
  return (
    <Layout title="پیشنهادهای من" description="پیشنهادهای شما درباره بندهای مقررات و پاسخ ویراستاران">
      <main className="container margin-vert--lg">
        <Heading as="h1">پیشنهادهای من</Heading>
        <SignedIn what="دیدن پیشنهادهای خود" roles={FEEDBACK_ROLES}>
          {() => <MyFeedback />}
        </SignedIn>
      </main>
    </Layout>
  );
}
