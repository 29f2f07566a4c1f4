/** Regulations due (within 30 days) or overdue for review, from their `reviewEvery` / `nextReview`. */
import { useEffect, useState, type ReactNode } from 'react';
import { editorialRoutes } from '@site/src/api/editorial';
import type { ResponseOf } from '@site/src/api/route';
import { call } from '@site/src/lib/api';
import { fa, formatDate } from '@site/src/lib/format';
import { Loading, Notice } from '@site/src/components/Training/SignedIn';

type Review = ResponseOf<typeof editorialRoutes.reviews>['reviews'][number];

export default function Reviews(): ReactNode {
  const [reviews, setReviews] = useState<Review[] | { error: string }>();
  useEffect(() => {
    call(editorialRoutes.reviews).then((r) => setReviews(r.reviews), (e: Error) => setReviews({ error: e.message }));
  }, []);
  return (
    <section aria-labelledby="reviews">
      <h2 id="reviews">بازنگری مقررات</h2>
      {!reviews ? (
        <Loading />
      ) : 'error' in reviews ? (
        <Notice kind="danger">{reviews.error}</Notice>
      ) : reviews.length === 0 ? (
        <p>هیچ مقرره‌ای در سی روز آینده نوبت بازنگری ندارد.</p>
      ) : (
        <table data-testid="reviews">
          <thead>
            <tr>
              <th>کد</th>
              <th>عنوان</th>
              <th>تاریخ بازنگری</th>
              <th>وضعیت</th>
            </tr>
          </thead>
          <tbody>
            {reviews.map((r) => (
              <tr key={r.code} data-status={r.status}>
                <td>
                  <bdi dir="ltr">{r.code}</bdi>
                </td>
                <td>{r.title}</td>
                <td>{formatDate(r.due)}</td>
                <td>{r.status === 'overdue' ? `گذشته (${fa(-r.daysLeft)} روز)` : `${fa(r.daysLeft)} روز مانده`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
