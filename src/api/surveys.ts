/** `/api/surveys/*`: a learner's satisfaction survey after a course or a seminar, and the results for supervisors. */
import { z } from './zod';
import { labelled } from './fields';
import { defineRoute } from './route';
import { reportFilterSchema } from './reports';

const kind = labelled(z.enum(['course', 'seminar']), 'نوع نظرسنجی');
const subject = labelled(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,199}$/), 'دوره یا همایش');

export const surveyQuestionSchema = z.object({ id: z.string(), text: z.string() });

export const surveyGroupSchema = z.object({
  key: z.string(),
  /** The course's or seminar's title, the presenter's or the company's name. */
  label: z.string(),
  answers: z.number().int(),
  /** True below the minimum: nothing but the count is shown. */
  hidden: z.boolean(),
  means: z.record(z.string(), z.number()).nullable(),
  overall: z.number().nullable(),
  comments: z.array(z.string()).nullable(),
});
export type SurveyGroupView = z.infer<typeof surveyGroupSchema>;

export const surveyResultsSchema = z.object({
  minimum: z.number().int(),
  questions: z.array(surveyQuestionSchema),
  bySubject: z.array(surveyGroupSchema),
  byPresenter: z.array(surveyGroupSchema),
  byCompany: z.array(surveyGroupSchema),
});
export type SurveyResults = z.infer<typeof surveyResultsSchema>;

export const surveyRoutes = {
  questions: defineRoute({
    method: 'GET',
    path: '/api/surveys/:kind/:subject',
    params: z.object({ kind, subject }),
    response: z.object({ questions: z.array(surveyQuestionSchema), commentPrompt: z.string(), answered: z.boolean() }),
  }),
  submit: defineRoute({
    method: 'POST',
    path: '/api/surveys/:kind/:subject',
    params: z.object({ kind, subject }),
    // Each rating is checked against the kind's questions by the service (400 naming `ratings.<id>`).
    body: z.object({
      ratings: labelled(z.record(z.string().max(60), z.unknown()), 'امتیازها'),
      comment: labelled(z.string().max(2000).optional(), 'توضیح'),
    }),
    /** `recorded: false`: an answer was already there and stands. */
    response: z.object({ recorded: z.boolean() }),
  }),
  results: defineRoute({
    method: 'GET',
    path: '/api/survey-results/:kind',
    params: z.object({ kind }),
    // The reports' filters; `course` narrows course surveys to that course.
    query: reportFilterSchema,
    response: surveyResultsSchema,
  }),
};
