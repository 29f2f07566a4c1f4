/** `/editorial` (کارتابل ویرایش): the editors' and approvers' dashboard of the next edition. */
import type { ReactNode } from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import { EDITING_ROLES, PUBLISHING_ROLES } from '@site/src/api/editorial';
import Dashboard from '@site/src/components/Editorial/Dashboard';
import PublishForm from '@site/src/components/Editorial/PublishForm';
import Reviews from '@site/src/components/Editorial/Reviews';
import Reacknowledgments from '@site/src/components/Editorial/Reacknowledgments';
import { REACKNOWLEDGMENT_DECIDERS } from '@site/src/api/inbox';
import ZeroResultsSection from '@site/src/components/Editorial/ZeroResultsSection';
import EditorFeedback from '@site/src/components/Feedback/EditorFeedback';
import SignedIn from '@site/src/components/Training/SignedIn';

export default function EditorialPage(): ReactNode {
  return (
    <Layout title="کارتابل ویرایش" description="تغییرهای ویرایش بعدی مقررات، وضعیت و تاریخچه هر یک">
      <main className="container margin-vert--lg">
        <Heading as="h1">کارتابل ویرایش</Heading>
        <p>
          تغییرهای ویرایش بعدی به تفکیک وضعیت. متن‌ها را در <a href="/keystatic">ویرایشگر محتوا</a> ویرایش کنید؛ هر ذخیره، تغییر را به پیش‌نویس برمی‌گرداند.
        </p>
        <SignedIn what="دیدن کارتابل ویرایش" roles={EDITING_ROLES}>
          {(session) => (
            <>
              <Dashboard />
              <Reviews />
              <EditorFeedback />
              <ZeroResultsSection />
              {PUBLISHING_ROLES.includes(session.user.role) && <PublishForm />}
              {(REACKNOWLEDGMENT_DECIDERS as readonly string[]).includes(session.user.role) && <Reacknowledgments />}
            </>
          )}
        </SignedIn>
      </main>
    </Layout>
  );
}
