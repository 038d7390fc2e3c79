// The one GraphQL client. Queries and mutations go over POST /graphql through `authFetch`;
// subscriptions are wired to graphql-ws on /graphql/ws, connecting lazily so nothing opens a
// socket until a page actually subscribes (the alert queue does).

import { Client, cacheExchange, fetchExchange, subscriptionExchange } from 'urql';
import { createClient as createWsClient } from 'graphql-ws';
import { authFetch } from '../auth/authFetch';
import type { TokenManager } from '../auth/tokenManager';

function wsUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/graphql/ws`;
}

export function createGraphqlClient(tokens: TokenManager): Client {
  const ws = createWsClient({
    url: wsUrl(),
    lazy: true,
    // Read at connect time, so a reconnect after a refresh carries the new token; with none in
    // memory (it was dropped after a failed call) the token manager is asked for a fresh one.
    connectionParams: async () => {
      const token = tokens.accessToken() ?? (await tokens.refresh());
      return token === null ? {} : { authorization: `Bearer ${token}` };
    },
  });

  return new Client({
    url: '/graphql',
    // The gateway takes POST only (GET /graphql is the dev-mode playground).
    preferGetMethod: false,
    fetch: authFetch(tokens),
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
}
