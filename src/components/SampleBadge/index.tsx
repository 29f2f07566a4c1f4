import type { ReactNode } from 'react';

/** Marks invented sample content so no one mistakes it for a real directive. */
export default function SampleBadge(): ReactNode {
  return (
    <span className="badge badge--warning ayin-sample-badge" title="این متن نمونه است و اعتبار قانونی ندارد">
      نمونه
    </span>
  );
}
