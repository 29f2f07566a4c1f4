/**
 * Publishing the next edition from the approvers' form, over the CLI's library
 * (scripts/lib/editions/publish.ts): the dry-run plan, the same refusals in Persian, plus one
 * the CLI cannot know — a text of `docs/` whose change the editorial workflow has not approved,
 * or whose text is no longer the one approved. Publishing writes all or nothing, then commits
 * every written file in the content repository with the approver as author.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { PublishRefused, type PublishRequest } from '../../scripts/lib/editions/publish';
import { STATE_LABELS } from '../../src/domain/editorial/workflow';
import { commitPaths, type CommitAuthor } from './git';
import { persianProblem, type PersianProblem } from './publish-messages';
import type { EditorialStore } from './store';
import { textHash } from './text-hash';
import { childProcessPublishing } from './publish-child';

/** Texts of docs/ the workflow holds back: not approved, or changed since the approval. */
export async function workflowProblems(contentRoot: string, store: EditorialStore): Promise<PersianProblem[]> {
  const problems: PersianProblem[] = [];
  for (const { path: file, change } of await store.list()) {
    if (!file.startsWith('docs/') || !existsSync(path.join(contentRoot, file))) continue;
    if (change.state !== 'approved') {
      problems.push({ where: file, message: `تغییر این متن در وضعیت «${STATE_LABELS[change.state]}» است و هنوز تأیید نشده است.`, detail: `workflow state is ${change.state}` });
    } else if (textHash(readFileSync(path.join(contentRoot, file), 'utf8')) !== change.textHash) {
      problems.push({ where: file, message: 'متن پس از تأیید تغییر کرده است؛ دوباره باید بررسی و تأیید شود.', detail: 'text differs from the approved hash' });
    }
  }
  return problems;
}

/** The dry run, in a child process: the corpus check is seconds of synchronous work. */
export async function planEdition(contentRoot: string, store: EditorialStore, request: PublishRequest) {
  const [{ plan, problems }, held] = await Promise.all([childProcessPublishing(contentRoot).plan(request), workflowProblems(contentRoot, store)]);
  return { plan, problems: [...held, ...problems.map(persianProblem)] };
}

export class EditionRefused extends Error {
  constructor(readonly problems: readonly PersianProblem[]) {
    super(problems.map((p) => (p.where ? `${p.where}: ${p.message}` : p.message)).join('\n'));
  }
}

/** Publishes and commits; throws EditionRefused (nothing written, nothing committed). */
export async function publishNextEdition(contentRoot: string, store: EditorialStore, request: PublishRequest, author: CommitAuthor) {
  const held = await workflowProblems(contentRoot, store);
  if (held.length) throw new EditionRefused(held);
  let result;
  try {
    result = await childProcessPublishing(contentRoot).publish(request);
  } catch (error) {
    if (error instanceof PublishRefused) throw new EditionRefused(error.problems.map(persianProblem));
    throw error;
  }
  const commit = await commitPaths(contentRoot, result.written, author, `انتشار ویرایش ${result.plan.name}\n\nPublished from the approvers' form.`);
  return { plan: result.plan, commit };
}
