import type { EntityManager } from '@mikro-orm/postgresql';
import { AccessDenied, invalid, ruleViolation } from '../../shared/errors';
import { stockholmDay } from '../../shared/time';
import { isUuid, optionalText, requireDay, requireOneOf } from '../../shared/validate';
import type { Actor } from '../access/actor';
import { loadClient, requireCoordinatorForClient, requireCoordinatorForStaff } from '../access/standing';
import { auditedCommand } from '../audit/audit.service';
import { StaffMember } from '../organisation/staff-member.entity';
import { ABSENCE_KINDS, CONTACT_ROLES, ContactAssignment, type ContactRole, StaffAbsence } from './contacts.entity';

export interface AppointInput {
  clientId: string;
  staffId: string;
  role: ContactRole;
  /** First day of the appointment; today when omitted. */
  validFrom?: string;
  /** Why the contact changes; required when someone is replaced. */
  reason?: string | null;
}

/**
 * Appoints the fixed contact or the deputy. Whoever holds the role on that day is replaced: their
 * row ends the day before (it is kept, never overwritten). The database holds the rest: one per role,
 * contact and deputy different people, and an undersköterska as contact (UNDERSKOTERSKA_RULE_FROM).
 */
export function appointContact(em: EntityManager, actor: Actor, input: AppointInput) {
  return auditedCommand(em, actor, 'contact.appoint', async (tx, audit) => {
    const role = requireOneOf('role', CONTACT_ROLES, input.role);
    const validFrom = requireDay('validFrom', input.validFrom ?? stockholmDay());
    const reason = optionalText('reason', input.reason, 500);
    const client = await loadClient(tx, input.clientId);
    audit.clientId = client.id;
    const coordinator = await requireCoordinatorForClient(tx, actor, client);
    const staff = isUuid(input.staffId) ? await tx.findOne(StaffMember, { id: input.staffId }) : null;
    if (!staff || staff.unitId !== coordinator.unitId) throw new AccessDenied('staffId');
    if (!staff.roles.includes('CARE_STAFF')) {
      throw ruleViolation('staffId', 'care_staff_only', 'staffId: only care staff can be a contact or deputy');
    }

    const current = await tx.findOne(ContactAssignment, {
      clientId: client.id,
      role,
      validFrom: { $lte: validFrom },
      $or: [{ validTo: null }, { validTo: { $gt: validFrom } }],
    });
    if (current) {
      if (current.staffId === staff.id) {
        throw ruleViolation('staffId', 'already_appointed', 'staffId: already appointed in this role');
      }
      if (!reason) {
        throw invalid('reason', 'required', 'reason: say why the contact changes');
      }
      current.validTo = validFrom;
      current.endedBy = coordinator.id;
      await tx.flush();
    }
    const assignment = tx.create(ContactAssignment, {
      clientId: client.id,
      staffId: staff.id,
      role,
      validFrom,
      appointedBy: coordinator.id,
      changeReason: reason,
    });
    audit.detail = { role, staffId: staff.id, validFrom, replaced: current?.id ?? null };
    await tx.flush();
    return assignment;
  });
}

/** Ends an assignment from a day (the first day it no longer holds); history is kept. */
export function endContact(
  em: EntityManager,
  actor: Actor,
  input: { assignmentId: string; validTo?: string; reason?: string | null },
) {
  return auditedCommand(em, actor, 'contact.end', async (tx, audit) => {
    const validTo = requireDay('validTo', input.validTo ?? stockholmDay());
    const assignment = isUuid(input.assignmentId)
      ? await tx.findOne(ContactAssignment, { id: input.assignmentId })
      : null;
    if (!assignment) throw new AccessDenied('assignmentId');
    const client = await loadClient(tx, assignment.clientId);
    audit.clientId = client.id;
    const coordinator = await requireCoordinatorForClient(tx, actor, client, 'assignmentId');
    if (assignment.validTo !== null && assignment.validTo <= validTo) {
      throw ruleViolation('assignmentId', 'already_ended', 'assignmentId: the assignment has already ended');
    }
    assignment.validTo = validTo;
    assignment.endedBy = coordinator.id;
    audit.detail = { assignmentId: assignment.id, validTo, reason: optionalText('reason', input.reason, 500) };
    return assignment;
  });
}

export interface AbsenceInput {
  staffId: string;
  kind: string;
  firstDay: string;
  /** Inclusive; omitted means until further notice. */
  lastDay?: string | null;
}

export function recordAbsence(em: EntityManager, actor: Actor, input: AbsenceInput) {
  return auditedCommand(em, actor, 'absence.record', async (tx, audit) => {
    const kind = requireOneOf('kind', ABSENCE_KINDS, input.kind);
    const firstDay = requireDay('firstDay', input.firstDay);
    const lastDay = input.lastDay ? requireDay('lastDay', input.lastDay) : null;
    const { coordinator, staff } = await requireCoordinatorForStaff(tx, actor, input.staffId);
    const absence = tx.create(StaffAbsence, {
      staffId: staff.id,
      kind,
      firstDay,
      lastDay,
      recordedBy: coordinator.id,
    });
    audit.detail = { staffId: staff.id, kind, firstDay, lastDay };
    return absence;
  });
}
