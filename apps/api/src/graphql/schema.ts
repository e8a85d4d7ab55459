import 'reflect-metadata';
import { type GraphQLSchema, lexicographicSortSchema, printSchema, specifiedDirectives } from 'graphql';
import { buildSchema } from 'type-graphql';
import { IfSharedDirective } from '../kit/gate';
import { ViewerResolver } from '../modules/access/viewer.resolver';
import { ClientResolver } from '../modules/clients/client.resolver';
import { ContactsResolver } from '../modules/contacts/contacts.resolver';
import { MessagesResolver } from '../modules/messages/messages.resolver';
import { RelativesResolver } from '../modules/relatives/relatives.resolver';

let schema: Promise<GraphQLSchema> | undefined;

/** The schema is built once per process; every request shares it (and nothing else). */
export function getSchema(): Promise<GraphQLSchema> {
  schema ??= buildSchema({
    resolvers: [ViewerResolver, ClientResolver, ContactsResolver, RelativesResolver, MessagesResolver],
    validate: false,
    directives: [...specifiedDirectives, IfSharedDirective],
  });
  return schema;
}

/** The committed SDL (`apps/api/schema.graphql`), sorted so it diffs cleanly. */
export async function printSdl(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}
