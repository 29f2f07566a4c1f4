/**
 * Who may find what: the audience policy (`src/policy/audience.ts`), as search uses it. The
 * same rule filters the Lunr indexes at build time and is baked into each audience's
 * Meilisearch tenant token, where no query can widen it.
 */
export { AUDIENCES, audienceFilter, canSee, isAudience, visibleAudiences, type Audience } from '../policy/audience';
