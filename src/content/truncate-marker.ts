/**
 * Where an announcement's summary ends (the blog list shows the text before it). Docusaurus's
 * default markers, `{/* truncate *\/}` and `<!-- truncate -->`, are an MDX expression and an
 * HTML comment: Keystatic's MDX parser refuses both, so an announcement holding one cannot be
 * opened in the editors' Keystatic. `<Truncate />` is a JSX element: a globally registered
 * component that renders nothing (src/components/Truncate) and a declared Keystatic block
 * (src/keystatic/content-model.ts), so the blog, the validator and Keystatic read the one marker.
 */

/** The marker as written, on a line of its own (Keystatic's serialisation of the block). */
export const TRUNCATE_MARKER = '<Truncate />';

/** The blog plugin's `truncateMarker`: the post is cut at the first match of the raw file text. */
export const TRUNCATE_MARKER_PATTERN = /^<Truncate\s*\/>[ \t]*$/m;

/** Docusaurus's default markers, which Ayin refuses (Keystatic cannot open a file with one). */
export const OLD_TRUNCATE_MARKER = /\{\/\*\s*truncate\s*\*\/\}|<!--\s*truncate\s*-->/;
