import type { MikroORM } from '@mikro-orm/postgresql';
import { Provider } from '../modules/organisation/organisation.entity';
import { seedDemo } from './demo';

export const DEMO_PROVIDER = 'Spindelns kommun, hemtjänsten';

/** Loads the demo personas unless they are there already. Returns whether it seeded. */
export async function seedDemoIfAbsent(orm: MikroORM): Promise<boolean> {
  const em = orm.em.fork();
  if (await em.count(Provider, { name: DEMO_PROVIDER })) return false;
  await em.transactional((tx) => seedDemo(tx));
  return true;
}
