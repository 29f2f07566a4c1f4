/**
 * Learners answering a quiz through the real API: each one saves answers one after another
 * (as a person clicks), many learners at once, and every acknowledged answer is remembered so
 * that a scenario can check, through the API again, that none was lost.
 */
import type { BenchLearner } from '../../../scripts/lib/bench/api-load';
import { someAnswer } from '../../../scripts/lib/bench/api-load';

export interface AnswerRun {
  /** Answers the server acknowledged (200, saved), per learner: question → the last answer. */
  readonly acknowledged: Map<BenchLearner, Map<string, unknown>>;
  /** Per learner, per question: answers sent after the last acknowledged one and not confirmed. */
  readonly unconfirmed: Map<BenchLearner, Map<string, unknown[]>>;
  readonly latenciesMs: number[];
  /** Answers refused or failed (status or network error), by reason. */
  readonly failures: Map<string, number>;
  readonly wallMs: number;
}

const headers = (learner: BenchLearner) => ({ cookie: learner.cookie, 'x-csrf-token': learner.csrf, 'content-type': 'application/json' });

/** Saves one answer; resolves with the status (0 when the connection failed). */
export async function saveAnswer(origin: string, learner: BenchLearner, questionId: string, answer: unknown): Promise<{ status: number; body: unknown }> {
  try {
    const res = await fetch(`${origin}/api/training/attempts/${learner.attemptId}/answers/${questionId}`, {
      method: 'PUT',
      headers: headers(learner),
      body: JSON.stringify({ answer }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: kept as text for the failure report
    }
    return { status: res.status, body };
  } catch (error) {
    return { status: 0, body: (error as Error).message };
  }
}

/** Every learner saves `answers` answers (cycling over their questions, a different answer each time), all learners at once. */
export async function answerConcurrently(
  origin: string | ((i: number) => string),
  learners: readonly BenchLearner[],
  answers: number,
  { onAcknowledged }: { onAcknowledged?: (total: number) => void } = {},
): Promise<AnswerRun> {
  let total = 0;
  const acknowledged = new Map<BenchLearner, Map<string, unknown>>();
  const unconfirmed = new Map<BenchLearner, Map<string, unknown[]>>();
  const latenciesMs: number[] = [];
  const failures = new Map<string, number>();
  const started = performance.now();
  await Promise.all(
    learners.map(async (learner, i) => {
      const mine = new Map<string, unknown>();
      acknowledged.set(learner, mine);
      unconfirmed.set(learner, new Map());
      for (let n = 0; n < answers; n++) {
        const question = learner.questions[n % learner.questions.length]!;
        const answer = someAnswer(question, n + i);
        const t0 = performance.now();
        const { status, body } = await saveAnswer(typeof origin === 'string' ? origin : origin(i), learner, question.id, answer);
        latenciesMs.push(performance.now() - t0);
        if (status === 200 && (body as { saved?: boolean }).saved) {
          mine.set(question.id, (body as { answer: unknown }).answer);
          unconfirmed.get(learner)!.delete(question.id);
          onAcknowledged?.(++total);
        } else {
          // Sent but not confirmed (the server died with it in flight): it may or may not be stored.
          const sent = unconfirmed.get(learner)!;
          // A numeric answer is sent as typed («12») and stored as the number.
          sent.set(question.id, [...(sent.get(question.id) ?? []), answer, ...(question.type === 'numeric' ? [Number(answer)] : [])]);
          const reason = `${status} ${typeof body === 'object' ? (body as { error?: string }).error : String(body).slice(0, 60)}`;
          failures.set(reason, (failures.get(reason) ?? 0) + 1);
        }
      }
    }),
  );
  return { acknowledged, unconfirmed, latenciesMs, failures, wallMs: performance.now() - started };
}

/**
 * Acknowledged answers that the attempt, read back through the API, does not hold: the stored
 * answer must be the last acknowledged one, or a later one that was sent but never confirmed.
 */
export async function lostAnswers(origin: string, run: Pick<AnswerRun, 'acknowledged' | 'unconfirmed'>): Promise<{ lost: number; checked: number }> {
  let lost = 0;
  let checked = 0;
  for (const [learner, answers] of run.acknowledged) {
    const res = await fetch(`${origin}/api/training/attempts/${learner.attemptId}`, { headers: { cookie: learner.cookie } });
    if (!res.ok) throw new Error(`reading attempt ${learner.attemptId} back: ${res.status} ${await res.text()}`);
    const stored = ((await res.json()) as { answers: Record<string, unknown> }).answers;
    for (const [questionId, answer] of answers) {
      checked += 1;
      const allowed = [answer, ...(run.unconfirmed.get(learner)?.get(questionId) ?? [])].map((a) => JSON.stringify(a));
      if (!allowed.includes(JSON.stringify(stored[questionId]))) lost += 1;
    }
  }
  return { lost, checked };
}
