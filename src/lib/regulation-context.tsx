/**
 * The regulation a page shows, for components deep in its MDX (clause headings, notes,
 * items) that need its code and title to build a citation. Absent outside regulation pages.
 */
import { createContext, useContext } from 'react';

export interface RegulationIdentity {
  readonly code: string;
  readonly title: string;
  readonly permalink: string;
}

export const RegulationContext = createContext<RegulationIdentity | null>(null);

export const useRegulation = () => useContext(RegulationContext);
