/** The training API's refusals: stable codes for programs, Persian sentences for people. */
import { ApiError } from '../accounts/api-errors';

export const TRAINING_ERRORS = {
  courseNotFound: () => new ApiError(404, 'course_not_found', 'این دوره پیدا نشد.'),
  quizNotFound: () => new ApiError(404, 'quiz_not_found', 'این دوره آزمونی ندارد.'),
  lessonNotFound: () => new ApiError(404, 'lesson_not_found', 'این درس در این دوره پیدا نشد.', { fields: ['lesson'] }),
  lessonNotServed: () =>
    new ApiError(409, 'lesson_not_served', 'این درس هنوز برای شما باز نشده است؛ صفحهٔ درس را در همین حساب باز کنید و بخوانید.', { fields: ['lesson'] }),
  attemptNotFound: () => new ApiError(404, 'attempt_not_found', 'این آزمون پیدا نشد.'),
  unknownQuestion: () => new ApiError(400, 'unknown_question', 'این پرسش در آزمون شما نیست.', { fields: ['questionId'] }),
  invalidAnswer: (message: string) => new ApiError(400, 'invalid_answer', message, { fields: ['answer'] }),
  attemptClosed: () => new ApiError(409, 'attempt_closed', 'این آزمون پیش‌تر ارسال و نمره‌دهی شده است؛ پاسخ‌ها دیگر تغییر نمی‌کنند.'),
  timeUp: () => new ApiError(409, 'time_up', 'زمان این آزمون به پایان رسیده است؛ پاسخ‌های ذخیره‌شده نمره‌دهی می‌شوند.'),
  noAttemptsLeft: () => new ApiError(409, 'no_attempts_left', 'همهٔ دفعات مجاز این آزمون را به کار برده‌اید.'),
  alreadyPassed: () => new ApiError(409, 'already_passed', 'این آزمون را پیش‌تر با موفقیت گذرانده‌اید.'),
  certificateNotFound: () => new ApiError(404, 'certificate_not_found', 'گواهی‌نامه‌ای با این کد پیدا نشد.'),
  invalidCode: () =>
    new ApiError(400, 'invalid_code', 'کد گواهی‌نامه درست نیست. کد ده نویسه دارد، مانند 7KQ2M-XP4RA؛ آن را دوباره بررسی کنید.'),
  invalidReportCourse: () => new ApiError(400, 'invalid_course', 'دورهٔ گزارش را مشخص کنید.', { fields: ['course'] }),
};

/** The name of a field as the learner knows it, for «… را وارد کنید» messages. */
const FIELD_LABELS: Record<string, string> = { answer: 'پاسخ', course: 'دوره', lesson: 'درس' };

export function missingField(field: string): ApiError {
  return new ApiError(400, 'invalid_body', `«${FIELD_LABELS[field] ?? field}» را وارد کنید.`, { fields: [field] });
}

export function notTextField(field: string): ApiError {
  return new ApiError(400, 'invalid_body', `«${FIELD_LABELS[field] ?? field}» باید متن باشد.`, { fields: [field] });
}
