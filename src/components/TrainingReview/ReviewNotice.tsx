/**
 * «بخشی از این دوره در حال بازبینی است…»: shown to a signed-in learner on a course's lessons
 * and quiz while an amended clause the course cites waits for an editor's review. The server
 * decides (`/api/training/courses/:course/review-notice`); a visitor, or a failure, shows nothing.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { trainingRoutes } from '@site/src/api/training';
import { call, loadSession } from '@site/src/lib/api';

export default function ReviewNotice({ course }: { course: string }): ReactNode {
  const [underReview, setUnderReview] = useState(false);
  useEffect(() => {
    let live = true;
    loadSession()
      .then((session) => (session ? call(trainingRoutes.reviewNotice, { params: { course } }) : { underReview: false }))
      .then((r) => live && setUnderReview(r.underReview))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [course]);
  if (!underReview) return null;
  return (
    <div className="alert alert--warning" role="status" data-testid="review-notice" style={{ marginBlock: '1rem' }}>
      بخشی از این دوره در حال بازبینی است: یکی از بندهای مقرراتی که این دوره به آن استناد می‌کند در ویرایش تازه تغییر کرده و ویراستاران در حال به‌روزرسانی درس‌ها و پرسش‌های مربوط هستند. تا پایان بازبینی، متن لازم‌الاجرای همان بند را ملاک قرار دهید.
    </div>
  );
}
