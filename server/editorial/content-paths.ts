/**
 * Which paths of the content repository an editor's save may touch. Keystatic checks its own
 * collection directories; this is Ayin's own, stricter rule, so a bug or a hand-made request
 * can never write the build, the database, the server's code or the published editions.
 */
import type { Role } from '../../src/api/roles';
import { EDITABLE_ROOTS } from '../../src/keystatic/content-model';

/** Never shown in Keystatic's tree: generated, private, or not content. */
export const HIDDEN_FROM_TREE = ['build', '.docusaurus', 'data', 'node_modules', '.git', 'server', '.cache-loader', 'test-results', 'bench-results'] as const;

const WRITABLE_BY_ROLE: Partial<Record<Role, readonly string[]>> = {
  editor: EDITABLE_ROOTS,
  approver: EDITABLE_ROOTS,
};

const CONTENT_FILE = /\.(mdx?|ya?ml)$/;

/** Why the role may not write the path, or null when it may. */
export function refusedPath(role: Role, filepath: string): string | null {
  if (typeof filepath !== 'string' || filepath.length === 0 || filepath.length > 300) return 'نشانی پرونده نامعتبر است';
  if (filepath.includes('\\') || filepath.includes('\0') || filepath.startsWith('/')) return 'نشانی پرونده نامعتبر است';
  const segments = filepath.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.startsWith('.'))) return 'نشانی پرونده نامعتبر است';
  const roots = WRITABLE_BY_ROLE[role] ?? [];
  if (!roots.some((root) => filepath.startsWith(root))) return 'این پرونده در پوشه‌های محتوای قابل ویرایش نیست';
  if (!CONTENT_FILE.test(filepath)) return 'فقط پرونده‌های محتوا (MDX یا YAML) ویرایش می‌شوند';
  return null;
}

export function hiddenFromTree(path: string): boolean {
  const first = path.split('/')[0]!;
  return (HIDDEN_FROM_TREE as readonly string[]).includes(first);
}
