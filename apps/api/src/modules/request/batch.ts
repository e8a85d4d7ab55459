import DataLoader from 'dataloader';
import { isUuid } from '../../shared/validate';

/** A per-request loader by id: malformed ids are never sent to the database and load as null. */
export function byIds<T>(load: (ids: string[]) => Promise<Map<string, T>>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const map = await load(ids.filter(isUuid));
    return ids.map((id) => map.get(id) ?? null);
  });
}
