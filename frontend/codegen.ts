// Typed documents for every GraphQL operation in src/, generated from the gateway's committed
// schema. The output in src/gql/ is checked in; `npm run codegen:check` fails when it differs
// from what the schema produces, so the console and the API cannot drift apart unnoticed.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../gateway/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: {
        // Components read whole query results; masking would add ceremony without a payoff
        // at this size.
        fragmentMasking: false,
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        // RFC 3339 strings on the wire; parsed where they are displayed.
        // Date is a local `YYYY-MM-DD`.
        scalars: { DateTime: 'string', Date: 'string', JSON: 'unknown' },
        avoidOptionals: false,
        defaultScalarType: 'unknown',
      },
    },
  },
};

export default config;
