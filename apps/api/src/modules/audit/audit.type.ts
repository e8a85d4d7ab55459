import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/connection';
import { AuditOutcomeEnum } from '../../graphql/enums';
import { DateTime } from '../../graphql/scalars';
import { fromPgTimestamp } from '../../shared/time';
import type { AuditRow } from './audit-log.service';

@ObjectType('AuditEntry', { description: 'Who looked at or changed a client’s information, and when.' })
export class AuditEntryType {
  @Field(() => ID) id!: string;
  @Field(() => DateTime) at!: Date;
  @Field(() => String) action!: string;
  @Field(() => AuditOutcomeEnum) outcome!: string;
  @Field(() => ID, { nullable: true }) clientId!: string | null;
  @Field(() => String, { nullable: true }) actorName!: string | null;
  @Field(() => Boolean) actorIsStaff!: boolean;

  static from(r: AuditRow): AuditEntryType {
    return Object.assign(new AuditEntryType(), {
      id: String(r.id),
      at: fromPgTimestamp(r.at),
      action: r.action,
      outcome: r.outcome,
      clientId: r.client_id,
      actorName: r.actor_given_name ? `${r.actor_given_name} ${r.actor_family_name}` : null,
      actorIsStaff: r.actor_is_staff,
    });
  }
}

export const AuditEntryConnection = Connection('AuditEntry', AuditEntryType);
