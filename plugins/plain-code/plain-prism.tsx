/**
 * What the theme uses of prism-react-renderer, without Prism (see index.ts): `Highlight` hands
 * its render function the code as lines of one plain token each, with the same class names the
 * theme's CSS expects; `Prism` is an empty instance for the theme's language loader.
 */
import type { CSSProperties, ReactNode } from 'react';

interface Token {
  readonly types: string[];
  readonly content: string;
  readonly empty?: boolean;
}

interface HighlightProps {
  readonly code: string;
  readonly language?: string;
  readonly children: (args: {
    className: string;
    style: CSSProperties;
    tokens: Token[][];
    getLineProps: (input: { line: Token[]; className?: string; [key: string]: unknown }) => Record<string, unknown>;
    getTokenProps: (input: { token: Token; className?: string; [key: string]: unknown }) => Record<string, unknown>;
  }) => ReactNode;
}

const join = (...names: (string | undefined)[]) => names.filter(Boolean).join(' ');

export const Prism = { languages: {} as Record<string, unknown>, plugins: {} as Record<string, unknown> };

export function Highlight({ code, language, children }: HighlightProps): ReactNode {
  const lines = code.replace(/\n$/, '').split('\n');
  const tokens = lines.map((content) => (content ? [{ types: ['plain'], content }] : [{ types: ['plain'], content: '\n', empty: true }]));
  return children({
    className: join('prism-code', language ? `language-${language}` : undefined),
    style: {},
    tokens,
    getLineProps: ({ line: _line, className, ...rest }) => ({ ...rest, className: join('token-line', className) }),
    getTokenProps: ({ token, className, ...rest }) => ({ ...rest, className: join('token', ...token.types, className), children: token.content }),
  });
}

export const themes = {};
