/**
 * The API's error answers: every one a 4xx (or 500) JSON `{ error, message }`, with a stable
 * English code for programs and a Persian message to show the user as it is.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiErrorBody } from '../../src/api/errors';
import { toPersianDigits } from '../../src/domain/digits';
import { DATABASE_FAILURE_ANSWERS, databaseFailureOf } from '../db/errors';
import { AccountInputError } from './validation';

export type { ApiErrorBody };

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly messageFa: string,
    readonly extra: Partial<Omit<ApiErrorBody, 'error' | 'message'>> = {},
  ) {
    super(`${code}: ${messageFa}`);
  }
}

export const MESSAGES = {
  notSignedIn: 'برای ادامه، وارد حساب کاربری خود شوید.',
  forbidden: 'شما اجازهٔ انجام این کار را ندارید.',
  csrf: 'درخواست شما تأیید نشد. صفحه را دوباره بارگذاری کنید و دوباره تلاش کنید.',
  invalidCredentials: 'نام کاربری یا گذرواژه نادرست است.',
  disabled: 'حساب کاربری شما غیرفعال شده است. با مدیر سامانه تماس بگیرید.',
  wrongCurrentPassword: 'گذرواژهٔ کنونی نادرست است.',
  wrongPassword: 'گذرواژه نادرست است.',
  confirmationRequired: 'برای این کار، گذرواژهٔ خود را دوباره وارد کنید.',
  bodyTooLarge: 'حجم درخواست بیش از اندازهٔ مجاز است.',
  unsupportedMediaType: 'نوع محتوای درخواست پذیرفته نیست. داده‌ها را به‌صورت JSON بفرستید.',
  invalidJson: 'بدنهٔ درخواست JSON معتبر نیست.',
  textExpected: 'پرونده را به‌صورت متن (text/csv) بفرستید.',
  notAnObject: 'بدنهٔ درخواست باید یک شیء JSON باشد.',
  badRequest: 'درخواست نامعتبر است.',
  internal: 'خطای پیش‌بینی‌نشده در کارساز. لطفاً دوباره تلاش کنید.',
} as const;

export function tooManyAttempts(retryAfterSeconds: number): ApiError {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new ApiError(429, 'too_many_attempts', `تلاش‌های ناموفق برای ورود بیش از حد مجاز بوده است. لطفاً ${toPersianDigits(minutes)} دقیقهٔ دیگر دوباره تلاش کنید.`, {
    retryAfterSeconds,
  });
}

export function sendApiError(reply: FastifyReply, error: ApiError): FastifyReply {
  if (error.statusCode === 429 && error.extra.retryAfterSeconds) reply.header('retry-after', String(error.extra.retryAfterSeconds));
  const body: ApiErrorBody = { error: error.code, message: error.messageFa, ...error.extra };
  return reply.code(error.statusCode).header('cache-control', 'no-store').send(body);
}

const FRAMEWORK_ERRORS: Record<string, ApiError> = {
  FST_ERR_CTP_BODY_TOO_LARGE: new ApiError(413, 'body_too_large', MESSAGES.bodyTooLarge),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: new ApiError(415, 'unsupported_media_type', MESSAGES.unsupportedMediaType),
  FST_ERR_CTP_INVALID_JSON_BODY: new ApiError(400, 'invalid_json', MESSAGES.invalidJson),
  FST_ERR_CTP_EMPTY_JSON_BODY: new ApiError(400, 'invalid_json', MESSAGES.invalidJson),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: new ApiError(400, 'bad_request', MESSAGES.badRequest),
};

/** An error handler for an API scope: known errors in Persian, anything else a logged 500. */
export function apiErrorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof ApiError) return sendApiError(reply, error);
  if (error instanceof AccountInputError) {
    return sendApiError(
      reply,
      new ApiError(400, 'invalid_input', error.issues.map((i) => i.messageFa).join(' '), { fields: error.issues.map((i) => i.field) }),
    );
  }
  const known = FRAMEWORK_ERRORS[(error as FastifyError).code ?? ''];
  if (known) return sendApiError(reply, known);
  const status = (error as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) {
    return sendApiError(reply, status === 400 && error instanceof SyntaxError ? FRAMEWORK_ERRORS.FST_ERR_CTP_INVALID_JSON_BODY! : new ApiError(status, 'bad_request', MESSAGES.badRequest));
  }
  // The database down or its disk full is not a bug: 503, say so in Persian, try again later.
  const failure = databaseFailureOf(error);
  if (failure) {
    request.log.warn({ err: error }, `database ${failure}`);
    const answer = DATABASE_FAILURE_ANSWERS[failure];
    reply.header('retry-after', String(answer.retryAfterSeconds));
    return sendApiError(reply, new ApiError(503, answer.error, answer.message));
  }
  request.log.error(error);
  return sendApiError(reply, new ApiError(500, 'internal', MESSAGES.internal));
}
