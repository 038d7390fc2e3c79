import { graphql } from '../gql';

export const ViewerQuery = graphql(`
  query Viewer {
    me {
      id
      email
      displayName
      role
      tenantId
    }
  }
`);
