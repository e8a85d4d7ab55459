import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../../kit/connection';
import { DateTime } from '../../kit/scalars';
import { AuditOutcomeEnum, NameWithheldEnum } from '../enums';
import { type NameViewer, shownName } from '../people/shown-name';
import type { AuditRow } from './audit-log.service';

@ObjectType('AuditEntry', { description: 'Who looked at or changed a client’s information, and when.' })
export class AuditEntryType {
  @Field(() => ID) id!: string;
  @Field(() => DateTime) at!: Date;
  @Field(() => String) action!: string;
  @Field(() => AuditOutcomeEnum) outcome!: string;
  @Field(() => ID, { nullable: true }) clientId!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The actor’s registered name; "Skyddad identitet" or null when withheld (see actorNameWithheld).',
  })
  actorName!: string | null;
  @Field(() => NameWithheldEnum, { nullable: true, description: 'Why the actor’s name is not shown.' })
  actorNameWithheld!: string | null;
  @Field(() => Boolean) actorIsStaff!: boolean;

  /** As one viewer may see it: the actor's name follows the naming rule (people/shown-name.ts). */
  static from(r: AuditRow, viewer: NameViewer): AuditEntryType {
    const actor = shownName(viewer, {
      personId: r.actor_person_id,
      givenName: r.actor_given_name,
      familyName: r.actor_family_name,
      protectedIdentity: r.actor_protected ?? false,
      role: r.actor_is_staff ? 'STAFF' : r.actor_is_client ? 'CLIENT' : r.actor_label_given_name ? 'RELATIVE' : 'OTHER',
      label: r.actor_label_given_name
        ? { givenName: r.actor_label_given_name, familyName: r.actor_label_family_name ?? '' }
        : null,
    });
    return Object.assign(new AuditEntryType(), {
      id: String(r.id),
      at: r.at,
      action: r.action,
      outcome: r.outcome,
      clientId: r.client_id,
      actorName: actor.name,
      actorNameWithheld: actor.withheld,
      actorIsStaff: r.actor_is_staff,
    });
  }
}

export const AuditEntryConnection = Connection('AuditEntry', AuditEntryType);
