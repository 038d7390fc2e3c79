//! The committed SDL (`gateway/schema.graphql`) must match the code. Regenerate
//! with `UPDATE_SCHEMA=1 cargo test -p garrison-gateway --test schema`.

#[test]
fn committed_schema_matches_code() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema.graphql");
    let sdl = garrison_gateway::graphql::sdl();
    if std::env::var("UPDATE_SCHEMA").is_ok_and(|v| v == "1") {
        std::fs::write(&path, &sdl).expect("write schema.graphql");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == sdl,
        "gateway/schema.graphql is out of date; run `UPDATE_SCHEMA=1 cargo test -p garrison-gateway --test schema` and commit it"
    );
}

#[test]
fn schema_has_the_contract_names() {
    let sdl = garrison_gateway::graphql::sdl();
    for name in [
        "me: User!",
        "tenants(first: Int, after: String): TenantConnection!",
        "tenant(id: ID!): Tenant",
        "createTenant(input: CreateTenantInput!): Tenant!",
        "updateTenant(",
        "suspendTenant(",
        "users(tenantId: ID): [User!]!",
        "createUser(input: CreateUserInput!): User!",
        "assignTenants(userId: ID!, tenantIds: [ID!]!, allTenants: Boolean): User!",
        "disableUser(id: ID!)",
        "changePassword(current: String!, new: String!)",
        "totalCount: Int!",
        "pageInfo: PageInfo!",
    ] {
        assert!(sdl.contains(name), "schema lacks `{name}`");
    }
}
