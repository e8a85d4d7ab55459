import { graphql } from '../../graphql/generated';

export const LoginCallback_Viewer = graphql(`
  query LoginCallback_Viewer {
    viewer {
      ...ViewerFields
    }
  }
`);
