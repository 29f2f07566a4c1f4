/**
 * Who may find what. Staff read everything; contractors what names them or the public;
 * the public only public texts. The same rule filters the Lunr indexes at build time and is
 * baked into each audience's Meilisearch tenant token, where no query can widen it.
 */
export const AUDIENCES = ['staff', 'contractor', 'public'] as const;
export type Audience = (typeof AUDIENCES)[number];

export function isAudience(value: unknown): value is Audience {
  return typeof value === 'string' && (AUDIENCES as readonly string[]).includes(value);
}

const VISIBLE: Record<Audience, readonly Audience[]> = {
  staff: ['staff', 'contractor', 'public'],
  contractor: ['contractor', 'public'],
  public: ['public'],
};

export function visibleAudiences(audience: Audience): readonly Audience[] {
  return VISIBLE[audience];
}

export function canSee(audience: Audience, recordAudience: readonly string[]): boolean {
  return recordAudience.some((a) => VISIBLE[audience].includes(a as Audience));
}

/** The Meilisearch filter of an audience's tenant token (null: no restriction). */
export function audienceFilter(audience: Audience): string | null {
  if (audience === 'staff') return null;
  return `audience IN [${VISIBLE[audience].join(', ')}]`;
}
