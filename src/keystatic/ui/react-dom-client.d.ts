// react-dom ships no types and @types/react-dom is not installed; the bundle needs only this.
declare module 'react-dom/client' {
  import type { ReactNode } from 'react';
  export function createRoot(container: Element): { render(children: ReactNode): void; unmount(): void };
}
