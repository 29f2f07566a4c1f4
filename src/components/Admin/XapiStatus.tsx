/**
 * The admin page's view of the xAPI queue (`GET /api/admin/xapi`): whether a learning record
 * store is configured, how many statements were sent, wait and fail, and the last error, so an
 * admin sees an LRS that refuses before anyone asks where the records went.
 */
import { useEffect, useState, type ReactNode } from 'react';
import Heading from '@theme/Heading';
import { xapiRoutes, type XapiStatus as Status } from '@site/src/api/xapi';
import { call } from '@site/src/lib/api';
import { fa, formatDateTime } from '@site/src/lib/format';
import { Loading, Notice } from '@site/src/components/Training/SignedIn';

export default function XapiStatus(): ReactNode {
  const [state, setState] = useState<{ data?: Status; error?: string }>({});
  useEffect(() => {
    call(xapiRoutes.status).then(
      (data) => setState({ data }),
      (e: unknown) => setState({ error: e instanceof Error ? e.message : String(e) }),
    );
  }, []);
  const s = state.data;
  return (
    <section aria-labelledby="xapi-status" data-testid="xapi-status">
      <Heading as="h2" id="xapi-status">ارسال سوابق یادگیری (xAPI)</Heading>
      {state.error ? (
        <Notice kind="danger">{state.error}</Notice>
      ) : !s ? (
        <Loading />
      ) : !s.configured ? (
        <Notice>نشانی انبارهٔ سوابق یادگیری (XAPI_ENDPOINT) تنظیم نشده است؛ چیزی فرستاده یا در صف گذاشته نمی‌شود.</Notice>
      ) : (
        <dl>
          <dt>نشانی انباره</dt>
          <dd>
            <bdi dir="ltr">{s.endpoint}</bdi>
          </dd>
          <dt>فرستاده‌شده</dt>
          <dd>{fa(s.sent)}</dd>
          <dt>در صف</dt>
          <dd>{fa(s.pending)}</dd>
          <dt>ناموفق (در انتظار تلاش دوباره)</dt>
          <dd>{fa(s.failing)}</dd>
          <dt>آخرین خطا</dt>
          <dd>{s.lastError ? <><bdi dir="ltr">{s.lastError}</bdi>{s.lastFailedAt !== null && <> — {formatDateTime(s.lastFailedAt)}</>}</> : 'خطایی ثبت نشده است.'}</dd>
          {s.nextAttemptAt !== null && (
            <>
              <dt>تلاش بعدی</dt>
              <dd>{formatDateTime(s.nextAttemptAt)}</dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}
