import { graphql } from '../graphql/generated';

/** Who to contact now, as every page that names it asks for it. */
export const ContactNowFields = graphql(`
  fragment ContactNowFields on ContactNow {
    reason
    primaryAwayUntil
    teamName
    teamPhone
    contact {
      staffId
      givenName
      familyName
      title
      role
      workMobile
    }
  }
`);

export const ContactPersonFields = graphql(`
  fragment ContactPersonFields on ContactPerson {
    staffId
    givenName
    familyName
    title
    role
    workMobile
    away {
      firstDay
      lastDay
    }
    workingHours {
      weekday
      start
      end
    }
  }
`);
