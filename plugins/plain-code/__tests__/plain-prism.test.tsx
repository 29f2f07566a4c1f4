/**
 * The stand-in for prism-react-renderer gives the theme's CodeBlock what it asks for: one line
 * per line of code (an empty line kept, the final newline not counted), each a single plain
 * token, and line and token props with the class names the theme's CSS styles.
 */
import { describe, expect, it } from 'vitest';
import { Highlight } from '../plain-prism';

type Args = Parameters<Parameters<typeof Highlight>[0]['children']>[0];
const argsOf = (code: string, language?: string) => Highlight({ code, language, children: (args) => args as never }) as unknown as Args;

describe('code blocks without Prism', () => {
  it('gives one plain token per line, empty lines kept, the last newline dropped', () => {
    const { className, tokens } = argsOf('GET /api/health\n\nmeilisearch --master-key x\n', 'bash');
    expect(className).toBe('prism-code language-bash');
    expect(tokens).toEqual([[{ types: ['plain'], content: 'GET /api/health' }], [{ types: ['plain'], content: '\n', empty: true }], [{ types: ['plain'], content: 'meilisearch --master-key x' }]]);
  });

  it('hands out the line and token props the theme spreads on its elements, the text as children', () => {
    const { className, tokens, getLineProps, getTokenProps } = argsOf('<script>alert(1)</script>');
    expect(className).toBe('prism-code');
    expect(getLineProps({ line: tokens[0]!, className: 'highlighted' })).toEqual({ className: 'token-line highlighted' });
    expect(getTokenProps({ token: tokens[0]![0]! })).toEqual({ className: 'token plain', children: '<script>alert(1)</script>' });
  });
});
