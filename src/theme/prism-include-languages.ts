/**
 * No Prism languages to load: code blocks are shown without highlighting
 * (plugins/plain-code). The theme's own loader would bundle a `require` context of prismjs.
 */
export default function prismIncludeLanguages(): void {}
