import type { EntityManager } from '@mikro-orm/postgresql';
import { seedDemo } from '../../src/seed/demo';

/** The demo personas, loaded into the test's database: the same data `npm run db:seed` loads. */
export async function loadDemo(em: EntityManager, today?: string) {
  const world = await seedDemo(em, today);
  const actor = (who: { personId: string } | { person: { id: string } }) => ({
    personId: 'personId' in who ? who.personId : who.person.id,
    requestId: `test-${Math.random().toString(36).slice(2)}`,
  });
  return { ...world, actor };
}
