import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../api/roles';
import { allowedActions, heldBy, newChange, transition, type Actor, type Change, type WorkflowAction } from '../workflow';

const zahra: Actor = { id: 'zahra', role: 'editor' };
const hamid: Actor = { id: 'hamid', role: 'editor' };
const leila: Actor = { id: 'leila', role: 'approver' };
const reza: Actor = { id: 'reza', role: 'approver' };
const maryam: Actor = { id: 'maryam', role: 'staff' };
const PERSIAN = /[\u0600-\u06FF]/;

function ok(result: ReturnType<typeof transition>): Change {
  if (!result.ok) throw new Error(`refused: ${result.error} ${result.message}`);
  return result.change;
}
const draft = () => ok(newChange(zahra, 'h1', 1000));

describe('the editorial workflow', () => {
  it('goes draft → در حال بررسی → تأیید شده, recording who, when and the exact text approved', () => {
    const inReview = ok(transition(draft(), { kind: 'submit' }, zahra, 2000));
    expect(inReview.state).toBe('in-review');
    expect(inReview.since).toBe(2000);
    expect(heldBy(inReview)).toBe('reviewers');
    const approved = ok(transition(inReview, { kind: 'approve', textHash: 'h1' }, leila, 3000));
    expect(approved).toMatchObject({ state: 'approved', approvedHash: 'h1', approvedBy: 'leila', since: 3000 });
    expect(approved.history.map((t) => [t.action, t.from, t.to, t.by, t.at])).toEqual([
      ['edit', 'draft', 'draft', 'zahra', 1000],
      ['submit', 'draft', 'in-review', 'zahra', 2000],
      ['approve', 'in-review', 'approved', 'leila', 3000],
    ]);
  });

  it('refuses self-approval, also by an approver who edited the change', () => {
    const byApprover = ok(transition(ok(newChange(leila, 'h1', 1)), { kind: 'submit' }, leila, 2));
    const self = transition(byApprover, { kind: 'approve', textHash: 'h1' }, leila, 3);
    expect(self).toMatchObject({ ok: false, error: 'self_approval' });
    const coAuthored = ok(transition(ok(transition(draft(), { kind: 'edit', textHash: 'h2' }, reza, 2)), { kind: 'submit' }, zahra, 3));
    expect(transition(coAuthored, { kind: 'approve', textHash: 'h2' }, reza, 4)).toMatchObject({ ok: false, error: 'self_approval' });
    expect(ok(transition(coAuthored, { kind: 'approve', textHash: 'h2' }, leila, 4)).state).toBe('approved');
  });

  it('refuses approving a text other than the one there now', () => {
    const inReview = ok(transition(draft(), { kind: 'submit' }, zahra, 2));
    const stale = transition(inReview, { kind: 'approve', textHash: 'h0' }, leila, 3);
    expect(stale).toMatchObject({ ok: false, error: 'text_changed' });
    if (!stale.ok) expect(stale.message).toMatch(PERSIAN);
  });

  it('returns to draft on any later edit, forgetting the approval and starting new authorship', () => {
    const approved = ok(transition(ok(transition(draft(), { kind: 'submit' }, zahra, 2)), { kind: 'approve', textHash: 'h1' }, leila, 3));
    const edited = ok(transition(approved, { kind: 'edit', textHash: 'h2' }, leila, 4));
    expect(edited).toMatchObject({ state: 'draft', approvedHash: null, approvedBy: null, authors: ['leila'], textHash: 'h2', since: 4 });
    // leila now wrote it; reza may approve it, leila may not.
    const again = ok(transition(edited, { kind: 'submit' }, leila, 5));
    expect(transition(again, { kind: 'approve', textHash: 'h2' }, leila, 6)).toMatchObject({ ok: false, error: 'self_approval' });
    expect(ok(transition(again, { kind: 'approve', textHash: 'h2' }, reza, 6)).approvedBy).toBe('reza');
  });

  it('sends back only with a reason, and only by an approver', () => {
    const inReview = ok(transition(draft(), { kind: 'submit' }, zahra, 2));
    expect(transition(inReview, { kind: 'send-back', reason: '   ' }, leila, 3)).toMatchObject({ ok: false, error: 'reason_required' });
    expect(transition(inReview, { kind: 'send-back', reason: 'تبصره ۲ با ماده ۵ نمی‌خواند' }, hamid, 3)).toMatchObject({ ok: false, error: 'forbidden' });
    const back = ok(transition(inReview, { kind: 'send-back', reason: '  تبصره ۲ با ماده ۵ نمی‌خواند ' }, leila, 3));
    expect(back.state).toBe('draft');
    expect(back.history.at(-1)).toMatchObject({ action: 'send-back', by: 'leila', reason: 'تبصره ۲ با ماده ۵ نمی‌خواند' });
  });

  it('refuses every action to roles that do not edit or review', () => {
    for (const role of ROLES.filter((r) => r !== 'editor' && r !== 'approver')) {
      const actor: Actor = { id: 'x', role };
      expect(newChange(actor, 'h', 1)).toMatchObject({ ok: false, error: 'forbidden' });
      const inReview = ok(transition(draft(), { kind: 'submit' }, zahra, 2));
      expect(allowedActions(draft(), actor)).toEqual([]);
      expect(allowedActions(inReview, actor)).toEqual([]);
    }
    expect(allowedActions(draft(), maryam)).toEqual([]);
  });
});

// Random sequences of actions by random actors: the rules hold whatever happens.
const actors = [zahra, hamid, leila, reza, maryam, { id: 'sara', role: 'admin' } as Actor];
const hashes = ['h1', 'h2'];
const actionArb: fc.Arbitrary<WorkflowAction> = fc.oneof(
  fc.constantFrom(...hashes).map((textHash) => ({ kind: 'edit' as const, textHash })),
  fc.constant({ kind: 'submit' as const }),
  fc.constantFrom('', '  ', 'ماده ۳ ناقص است').map((reason) => ({ kind: 'send-back' as const, reason })),
  fc.constantFrom(...hashes).map((textHash) => ({ kind: 'approve' as const, textHash })),
);
const stepArb = fc.tuple(actionArb, fc.constantFrom(...actors));

describe('the workflow, for any sequence of actions (fast-check)', () => {
  it('keeps its invariants; a refusal changes nothing; allowedActions agrees with transition', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 40 }), (steps) => {
        let change = draft();
        let at = 10;
        for (const [action, actor] of steps) {
          at += 1;
          const before = change;
          const result = transition(change, action, actor, at);
          const offered = allowedActions(change, actor).includes(action.kind);
          if (!result.ok) {
            expect(change).toBe(before);
            // Offered but refused only for the action's own argument (a wrong hash or an empty reason).
            if (offered) expect(['text_changed', 'reason_required']).toContain(result.error);
            continue;
          }
          expect(offered).toBe(true);
          change = result.change;
          expect(change.history).toHaveLength(before.history.length + 1);
          if (action.kind === 'edit') expect(change.state).toBe('draft');
          if (change.state === 'approved') {
            expect(change.approvedHash).toBe(change.textHash);
            expect(actors.find((a) => a.id === change.approvedBy)!.role).toBe('approver');
            expect(change.authors).not.toContain(change.approvedBy);
          } else {
            expect(change.approvedHash).toBeNull();
          }
          if (action.kind === 'approve') expect(before.state).toBe('in-review');
          if (action.kind === 'send-back') expect(action.reason.trim()).not.toBe('');
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('never lets an approval survive a change of the text', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 30 }), (steps) => {
        let change = draft();
        let at = 10;
        for (const [action, actor] of steps) {
          const result = transition(change, action, actor, ++at);
          if (!result.ok) continue;
          if (result.change.textHash !== change.textHash) expect(result.change.state).toBe('draft');
          change = result.change;
        }
        const lastApproval = [...change.history].reverse().find((t) => t.action === 'approve');
        const editsAfter = lastApproval ? change.history.slice(change.history.lastIndexOf(lastApproval) + 1).filter((t) => t.action === 'edit') : [];
        if (change.state === 'approved') expect(editsAfter).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
