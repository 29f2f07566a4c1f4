/** A note (تبصره) of an article: anchored and citable. Inserted by the remark plugin. */
import type { ReactNode } from 'react';
import CiteButton from '../CiteButton';

export default function Clause({ anchor, label, children }: { anchor: string; label: string; children: ReactNode }): ReactNode {
  return (
    <div id={anchor} className="clause clause--note">
      {children}
      <CiteButton anchor={anchor} label={label} />
    </div>
  );
}
