/** Turns a zod result into located problems, one per issue. */
import type { z } from 'zod';
import type { LocatedYaml } from './front-matter';
import type { Problem } from './problems';

export function validateLocated<S extends z.ZodType>(
  file: string,
  yaml: LocatedYaml,
  schema: S,
  fieldPrefix: readonly PropertyKey[] = [],
): { value?: z.output<S>; problems: Problem[] } {
  if (yaml.problems.length) return { problems: [...yaml.problems] };
  const result = schema.safeParse(yaml.data);
  if (result.success) return { value: result.data, problems: [] };
  const problems = result.error.issues.map((issue): Problem => {
    const path = [...fieldPrefix, ...issue.path];
    const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : undefined;
    if (unknownKeys) {
      const key = unknownKeys[0]!;
      return { file, line: yaml.lineOf([...path, key]), field: unknownKeys.map((k) => fieldName([k])).join(', '), message: 'unknown field (check its spelling against content/README.md)' };
    }
    const missing = issue.code === 'invalid_type' && valueAt(yaml.data, issue.path) === undefined;
    return {
      file,
      line: yaml.lineOf(path),
      field: path.length ? fieldName(path) : '(file)',
      message: missing ? 'required field is missing' : issue.message,
    };
  });
  return { problems };
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node = data as Record<PropertyKey, unknown> | undefined;
  for (const key of path) node = node?.[key] as Record<PropertyKey, unknown> | undefined;
  return node;
}

/** A field's path as written in messages; an empty key (`"": 1` in YAML) is shown quoted, not as nothing. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.map((key) => (String(key) === '' ? '""' : String(key))).join('.');
}
