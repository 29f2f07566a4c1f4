/**
 * A text of the next edition (`docs/…`) against its copy in the latest published edition
 * (`versioned_docs/version-<newest in versions.json>/…`), article by article, word by word: the
 * same diff the published redlines use (src/domain/word-diff.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { alignRenumberedNotes } from '../../src/domain/edition-history';
import { diffByArticle, type ArticleDiff } from '../../src/domain/word-diff';
import { regulationArticleTexts } from '../../src/content/regulation-sections';
import { editionDocsDir } from '../../src/content/editions';

export function latestEdition(contentRoot: string): string | null {
  const file = path.join(contentRoot, 'versions.json');
  if (!existsSync(file)) return null;
  const names = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  return Array.isArray(names) && typeof names[0] === 'string' ? names[0] : null;
}

export function redlineOf(contentRoot: string, filepath: string): { edition: string | null; articles: ArticleDiff[] } {
  const edition = latestEdition(contentRoot);
  const inDocs = filepath.startsWith('docs/') ? filepath.slice('docs/'.length) : null;
  const next = existsSync(path.join(contentRoot, filepath)) ? regulationArticleTexts(contentRoot, filepath) : [];
  const publishedFile = edition && inDocs ? path.posix.join(editionDocsDir(edition), inDocs) : null;
  const published = publishedFile && existsSync(path.join(contentRoot, publishedFile)) ? regulationArticleTexts(contentRoot, publishedFile) : [];
  return { edition: published.length ? edition : null, articles: diffByArticle(alignRenumberedNotes(published, next), next).articles };
}
