/** A content problem, located so an editor can jump to it: `path:line: field: message`. */
export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly field: string;
  readonly message: string;
}

export function formatProblem({ file, line, field, message }: Problem): string {
  return `${file}:${line}: ${field}: ${message}`;
}

export class ContentError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(
      `${problems.length} content problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map(formatProblem).join('\n'),
    );
    this.name = 'ContentError';
    // The located lines are the whole story; a stack trace would only bury them.
    this.stack = `${this.name}: ${this.message}`;
  }
}
