/** The private server manifest: written by the build, read (and reloaded) by the server. */
export { SERVER_MANIFEST, serverManifestSchema, type ManifestCourse, type ManifestSeminar, type ServerManifest } from './schema';
export { countWords, lessonIdOfFile, manifestFromCorpus, writeServerManifest } from './from-corpus';
export { emptyManifestSource, ManifestError, openManifestSource, readServerManifest, staticManifestSource, type ManifestSource } from './source';
