import { GraphQLError } from 'graphql';
import { ArgsType, type ClassType, Field, Int, ObjectType } from 'type-graphql';

@ObjectType()
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export const MAX_PAGE = 50;
export const DEFAULT_PAGE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page size, 1 to ${MAX_PAGE} (refused before the query runs); ${DEFAULT_PAGE} when omitted.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

/** Cursors are opaque offsets; a bad one is a clear input error, not a silent first page. */
export function pageOf(args: PageArgs): { limit: number; offset: number } {
  const first = args.first ?? DEFAULT_PAGE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
    throw new GraphQLError(`first: between 1 and ${MAX_PAGE}`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  let offset = 0;
  if (args.after) {
    const decoded = /^o:(\d{1,9})$/.exec(Buffer.from(args.after, 'base64url').toString('utf8'));
    if (!decoded)
      throw new GraphQLError('after: not a cursor from this list', { extensions: { code: 'BAD_USER_INPUT' } });
    offset = Number(decoded[1]) + 1;
  }
  return { limit: first, offset };
}

export const cursorAt = (index: number) => Buffer.from(`o:${index}`, 'utf8').toString('base64url');

/**
 * Runs a page query whose rows carry the list's total (`count(*) OVER ()`). A page past the end has
 * no rows to carry it, so the total is then read from the first row of the list instead.
 */
export async function pageWithTotal<R extends { total: string | number }>(
  page: { limit: number; offset: number },
  run: (page: { limit: number; offset: number }) => Promise<R[]>,
): Promise<{ rows: R[]; total: number }> {
  const rows = await run(page);
  if (rows.length > 0 || page.offset === 0) return { rows, total: Number(rows[0]?.total ?? 0) };
  const head = await run({ limit: 1, offset: 0 });
  return { rows, total: Number(head[0]?.total ?? 0) };
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

export function toConnection<T>(nodes: T[], page: { offset: number }, totalCount: number): ConnectionShape<T> {
  const edges = nodes.map((node, i) => ({ cursor: cursorAt(page.offset + i), node }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: page.offset + nodes.length < totalCount,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** A Relay-style connection type for a node type. */
export function Connection<T extends object>(name: string, Node: ClassType<T>) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String) cursor!: string;
    @Field(() => Node) node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int) totalCount!: number;
  }
  return ConnectionType;
}
