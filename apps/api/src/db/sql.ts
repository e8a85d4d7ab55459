import { isUuid } from '../shared/validate';

/**
 * A tagged template for raw SQL: values become `?` placeholders in order, and fragments made with
 * the same tag nest, so long statements never drift out of step with their parameters.
 */
export interface Sql {
  readonly text: string;
  readonly values: unknown[];
}

const FRAGMENT = Symbol('sql');
type Fragment = Sql & { [FRAGMENT]: true };

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Fragment {
  let text = strings[0] ?? '';
  const out: unknown[] = [];
  values.forEach((value, i) => {
    if (value && typeof value === 'object' && FRAGMENT in value) {
      text += (value as Fragment).text;
      out.push(...(value as Fragment).values);
    } else {
      text += '?';
      out.push(value);
    }
    text += strings[i + 1] ?? '';
  });
  return { text, values: out, [FRAGMENT]: true };
}

/**
 * A uuid[] parameter as an array literal (the query builder would expand a JS array into a list of
 * parameters). Fails closed on anything that is not a uuid (or NULL), so nothing else is spliced in.
 */
export function uuidArray(ids: readonly string[]): string {
  for (const id of ids) if (id !== 'NULL' && !isUuid(id)) throw new Error('uuidArray: not a uuid');
  return `{${ids.join(',')}}`;
}
