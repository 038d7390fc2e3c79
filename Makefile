# Garrison: the two commands are `make run` and `make test`.
#
# The PostgreSQL pass re-runs every database-backed test (the detection engine has
# no database). CARGO_TARGET_DIR may point outside the checkout (CI uses /var/tmp/garrison-target).
TARGET_DIR := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)
GARRISON   := $(TARGET_DIR)/debug/garrison

.PHONY: run build console test fmt-check clippy test-sqlite test-postgres test-console test-helm schema

## Build everything, migrate, seed the demo, and serve on http://127.0.0.1:8080.
run: build
	$(GARRISON) demo
	GARRISON_DEV=$${GARRISON_DEV:-1} exec $(GARRISON) serve

build: console
	cargo build -p garrison-gateway

## The web console (frontend/): npm ci and a production build into frontend/dist.
console:
	@if [ -x frontend/scripts/build.sh ]; then frontend/scripts/build.sh; else echo "== no console to build"; fi

## Every check CI runs: formatting, lints, all tests on SQLite, and on PostgreSQL
## when GARRISON_TEST_DATABASE_URL is set.
test: fmt-check test-helm clippy build test-sqlite test-postgres test-console

fmt-check:
	cargo fmt --all -- --check

clippy:
	cargo clippy --workspace --all-targets -- -D warnings

test-sqlite:
	env -u GARRISON_TEST_DATABASE_URL cargo nextest run --workspace --no-fail-fast

test-postgres:
	@if [ -n "$$GARRISON_TEST_DATABASE_URL" ]; then \
		echo "== the database suite again, on PostgreSQL ($$GARRISON_TEST_DATABASE_URL)"; \
		cargo nextest run --workspace --no-fail-fast -E "not package(garrison-detection)"; \
	else \
		echo "== skipping PostgreSQL: set GARRISON_TEST_DATABASE_URL to run the suite against it"; \
	fi

## The console's type check, schema drift check, component and browser tests
## (against the real binary with demo data).
test-console:
	@if [ -x frontend/scripts/test.sh ]; then GARRISON_BIN=$(GARRISON) frontend/scripts/test.sh; else echo "== no console tests"; fi

## The Helm chart, offline: strict lint, render with each helm/garrison/ci/ values file,
## strict validation of every manifest against the Kubernetes schemas (helm/check.sh).
test-helm:
	helm/check.sh

## Regenerate gateway/schema.graphql after changing the GraphQL API.
schema:
	UPDATE_SCHEMA=1 cargo test -p garrison-gateway --test schema
