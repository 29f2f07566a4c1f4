/**
 * The plain Docusaurus baseline of the benchmarks builds Ayin's MDX files with the stock theme:
 * the components those files use without importing them must exist there too.
 */
import { describe, expect, it } from 'vitest';
import { mdxComponentsUsed, plainMdxComponents, rewriteRegLinks } from '../bench/site-copies';

describe('the plain baseline site', () => {
  it('finds the components an MDX file uses, not HTML tags or text', () => {
    const source = '# درس\n\n<Quiz />\n\n<EditionChanges edition="1404-09">\nمتن\n</EditionChanges>\n\n<details>x</details> a < B\n<Quiz/>';
    expect(mdxComponentsUsed(source)).toEqual(['Quiz', 'EditionChanges']);
  });

  it('gives each of them a stand-in beside the stock components', () => {
    expect(plainMdxComponents(['EditionChanges', 'Quiz'])).toContain('export default { ...MDXComponents, EditionChanges: Empty, Quiz: Empty };');
  });

  it('turns reg: links into plain links, or text for an unknown code', () => {
    const permalinks = new Map([['CS-001', '/regulations/connection-sales/cs-001']]);
    expect(rewriteRegLinks('[ماده ۱](reg:CS-001#ماده-۱) و [x](reg:XX-9)', permalinks)).toBe('[ماده ۱](/regulations/connection-sales/cs-001) و x');
  });
});
