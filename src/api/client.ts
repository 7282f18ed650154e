import { generateClient } from 'aws-amplify/api'

type GraphQLClient = ReturnType<typeof generateClient>

let client: GraphQLClient | undefined

/**
 * Created on first use, not at import: Amplify must be configured first, and the views that
 * never call the API (sign-in) should not pay for it.
 */
export function graphqlClient(): GraphQLClient {
  client ??= generateClient()
  return client
}
