/**
 * The review workflow of one change (to a regulation or a course): draft → در حال بررسی →
 * تأیید شده. Pure: the server enforces it, the UI only offers what `allowedActions` returns.
 *
 * - anyone who may edit may edit; an edit always returns the change to draft, so an approval
 *   never outlives the text it approved;
 * - an approval names the hash of the exact text the approver read; a different hash is refused;
 * - only an approver who did not write any of the change approves it;
 * - a reviewer sends a change back only with a reason.
 */
import type { Role } from '../../api/roles';

export const WORKFLOW_STATES = ['draft', 'in-review', 'approved'] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

export const STATE_LABELS: Readonly<Record<WorkflowState, string>> = {
  draft: 'پیش‌نویس',
  'in-review': 'در حال بررسی',
  approved: 'تأیید شده',
};

export interface Actor {
  readonly id: string;
  readonly role: Role;
}

export type WorkflowAction =
  | { readonly kind: 'edit'; readonly textHash: string }
  | { readonly kind: 'submit' }
  | { readonly kind: 'send-back'; readonly reason: string }
  | { readonly kind: 'approve'; readonly textHash: string };

export type ActionKind = WorkflowAction['kind'];

export interface Transition {
  readonly action: ActionKind;
  readonly from: WorkflowState;
  readonly to: WorkflowState;
  readonly by: string;
  readonly at: number;
  readonly textHash: string;
  readonly reason?: string;
}

export interface Change {
  readonly state: WorkflowState;
  /** Hash of the text as it is now. */
  readonly textHash: string;
  /** Everyone who edited the text since it was last approved. */
  readonly authors: readonly string[];
  /** Set only while approved: the hash of the text approved (always equal to `textHash`). */
  readonly approvedHash: string | null;
  readonly approvedBy: string | null;
  /** When the change entered its present state (the dashboard's "since"). */
  readonly since: number;
  readonly history: readonly Transition[];
}

export type TransitionResult =
  | { readonly ok: true; readonly change: Change }
  | { readonly ok: false; readonly error: 'forbidden' | 'wrong_state' | 'self_approval' | 'text_changed' | 'reason_required'; readonly message: string };

const EDITING_ROLES: readonly Role[] = ['editor', 'approver'];
const REVIEWING_ROLES: readonly Role[] = ['approver'];

/** A change begun by its first edit. */
export function newChange(author: Actor, textHash: string, at: number): TransitionResult {
  if (!EDITING_ROLES.includes(author.role)) return refuse('forbidden', 'فقط ویراستاران و تأییدکنندگان می‌توانند متن را تغییر دهند.');
  return {
    ok: true,
    change: {
      state: 'draft',
      textHash,
      authors: [author.id],
      approvedHash: null,
      approvedBy: null,
      since: at,
      history: [{ action: 'edit', from: 'draft', to: 'draft', by: author.id, at, textHash }],
    },
  };
}

function refuse(error: Extract<TransitionResult, { ok: false }>['error'], message: string): TransitionResult {
  return { ok: false, error, message };
}

function move(change: Change, action: WorkflowAction, actor: Actor, at: number, to: WorkflowState, patch: Partial<Change> = {}): TransitionResult {
  const textHash = patch.textHash ?? change.textHash;
  const record: Transition = {
    action: action.kind,
    from: change.state,
    to,
    by: actor.id,
    at,
    textHash,
    ...(action.kind === 'send-back' ? { reason: action.reason.trim() } : {}),
  };
  return {
    ok: true,
    change: { ...change, approvedHash: null, approvedBy: null, ...patch, state: to, since: to === change.state ? change.since : at, history: [...change.history, record] },
  };
}

export function transition(change: Change, action: WorkflowAction, actor: Actor, at: number): TransitionResult {
  switch (action.kind) {
    case 'edit': {
      if (!EDITING_ROLES.includes(actor.role)) return refuse('forbidden', 'فقط ویراستاران و تأییدکنندگان می‌توانند متن را تغییر دهند.');
      // After an approval a new round of authorship begins.
      const authors = change.state === 'approved' ? [actor.id] : change.authors.includes(actor.id) ? change.authors : [...change.authors, actor.id];
      return move(change, action, actor, at, 'draft', { textHash: action.textHash, authors });
    }
    case 'submit':
      if (!EDITING_ROLES.includes(actor.role)) return refuse('forbidden', 'فقط ویراستاران و تأییدکنندگان می‌توانند تغییر را برای بررسی بفرستند.');
      if (change.state !== 'draft') return refuse('wrong_state', `این تغییر در وضعیت «${STATE_LABELS[change.state]}» است و فقط پیش‌نویس برای بررسی فرستاده می‌شود.`);
      return move(change, action, actor, at, 'in-review');
    case 'send-back':
      if (!REVIEWING_ROLES.includes(actor.role)) return refuse('forbidden', 'فقط تأییدکنندگان می‌توانند تغییر را برگردانند.');
      if (change.state !== 'in-review') return refuse('wrong_state', `فقط تغییری که «در حال بررسی» است برگردانده می‌شود؛ این تغییر «${STATE_LABELS[change.state]}» است.`);
      if (action.reason.trim().length === 0) return refuse('reason_required', 'دلیل برگرداندن تغییر را بنویسید.');
      return move(change, action, actor, at, 'draft');
    case 'approve':
      if (!REVIEWING_ROLES.includes(actor.role)) return refuse('forbidden', 'فقط تأییدکنندگان می‌توانند تغییر را تأیید کنند.');
      if (change.state !== 'in-review') return refuse('wrong_state', `فقط تغییری که «در حال بررسی» است تأیید می‌شود؛ این تغییر «${STATE_LABELS[change.state]}» است.`);
      if (change.authors.includes(actor.id)) return refuse('self_approval', 'نویسنده یک تغییر نمی‌تواند آن را تأیید کند؛ تأییدکننده دیگری باید آن را بررسی کند.');
      if (action.textHash !== change.textHash) return refuse('text_changed', 'متنی که خوانده‌اید با متن کنونی یکی نیست؛ متن تازه را بخوانید و دوباره تأیید کنید.');
      return move(change, action, actor, at, 'approved', { approvedHash: change.textHash, approvedBy: actor.id });
  }
}

/** What the actor may do now (the UI offers only these; `transition` decides anyway). */
export function allowedActions(change: Change, actor: Actor): ActionKind[] {
  const probe: Record<ActionKind, WorkflowAction> = {
    edit: { kind: 'edit', textHash: change.textHash },
    submit: { kind: 'submit' },
    'send-back': { kind: 'send-back', reason: 'دلیل' },
    approve: { kind: 'approve', textHash: change.textHash },
  };
  return (Object.keys(probe) as ActionKind[]).filter((kind) => transition(change, probe[kind], actor, change.since).ok);
}

/** Who holds the change now: the authors while a draft, the reviewers while in review, nobody once approved. */
export function heldBy(change: Change): 'authors' | 'reviewers' | null {
  return change.state === 'draft' ? 'authors' : change.state === 'in-review' ? 'reviewers' : null;
}
