import { graphql } from '../../graphql/generated';

export const Absence_Staff = graphql(`
  query Absence_Staff {
    viewer {
      isCoordinator
      clients(first: 20) {
        edges {
          node {
            fixedContact {
              staffId
              givenName
              familyName
              title
            }
            deputy {
              staffId
              givenName
              familyName
              title
            }
          }
        }
      }
    }
  }
`);

export const Absence_Record = graphql(`
  mutation Absence_Record($input: RecordAbsenceInput!) {
    recordAbsence(input: $input) {
      absence {
        id
      }
      error {
        code
        field
        rule
        message
      }
    }
  }
`);
