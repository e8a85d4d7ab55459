import { graphql } from '../../graphql/generated';

export const Absence_Staff = graphql(`
  query Absence_Staff {
    viewer {
      isCoordinator
      unitStaff {
        ...UnitStaffFields
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
        ...UserErrorFields
      }
    }
  }
`);
