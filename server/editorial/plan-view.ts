/** A publication plan as the approvers' form shows it: plain data, the same in the server and its publishing child. */
import type { PublishPlan } from '../../scripts/lib/editions/publish';
import { formatJalaliIso } from '../../src/domain/jalali';

export function planView(plan: PublishPlan) {
  const { changes } = plan;
  return {
    name: plan.name,
    effective: formatJalaliIso(plan.effective),
    previous: plan.previous,
    added: [...changes.added],
    amended: [...changes.amended],
    repealed: [...changes.repealed],
    superseded: [...changes.superseded].map(([code, by]) => ({ code, by: [...by] })),
    unchanged: [...plan.snapshot.values()].filter((t) => t.change === 'unchanged' || t.change === 'carried-over').length,
  };
}

export type PlanView = ReturnType<typeof planView>;
