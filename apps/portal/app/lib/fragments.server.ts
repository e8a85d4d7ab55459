import { graphql } from '../graphql/generated';

/**
 * The selections several operations share, written once. Phone numbers and working hours are asked
 * `@ifShared`: null where the client has not shared them with the viewer, so one request serves the
 * page and a page view never makes the API log a denied read.
 */

/** Who is logged in, as the API knows them. */
export const ViewerFields = graphql(`
  fragment ViewerFields on Viewer {
    givenName
    familyName
    isClient
    isStaff
    isCoordinator
  }
`);

/** What every mutation answers when it refuses. */
export const UserErrorFields = graphql(`
  fragment UserErrorFields on UserError {
    code
    field
    rule
    message
  }
`);

export const ClientNameFields = graphql(`
  fragment ClientNameFields on Client {
    id
    givenName
    familyName
  }
`);

/** A contact or deputy named in a list: who and what title. */
export const StaffNameFields = graphql(`
  fragment StaffNameFields on ContactPerson {
    staffId
    givenName
    familyName
    title
  }
`);

/** Who to contact now, as every page that names it asks for it. */
export const ContactNowFields = graphql(`
  fragment ContactNowFields on ContactNow {
    reason
    primaryAwayUntil
    teamName
    teamPhone @ifShared
    # Fields, not a spread: the API's depth limit counts a spread as a level.
    contact {
      staffId
      givenName
      familyName
      title
      role
      workMobile @ifShared
    }
  }
`);

export const ContactPersonFields = graphql(`
  fragment ContactPersonFields on ContactPerson {
    ...StaffNameFields
    role
    workMobile @ifShared
    away {
      firstDay
      lastDay
    }
    workingHours @ifShared {
      weekday
      start
      end
    }
  }
`);

export const MessageFields = graphql(`
  fragment MessageFields on Message {
    id
    body
    authorName
    authorRole
    sentAt
    private
    state
    inReplyTo
  }
`);

export const AuditEntryFields = graphql(`
  fragment AuditEntryFields on AuditEntry {
    id
    action
    actorName
    actorIsStaff
    at
    outcome
  }
`);

/** The unit's staff, as a coordinator chooses among them. */
export const UnitStaffFields = graphql(`
  fragment UnitStaffFields on UnitStaffMember {
    staffId
    givenName
    familyName
    title
  }
`);
