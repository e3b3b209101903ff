# Qingfeng — the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
MVN := $(CURDIR)/backend/mvnw
export MVN

.PHONY: run run-cluster test test-backend test-frontend verify-security openapi check-openapi build clean help seed-large bench bench-bulk bench-webhooks image image-check

help:
	@echo "make run            the whole app: embedded PostgreSQL, Keycloak, API :8080, SPA :5173"
	@echo "make run-cluster    the API as two instances (:8281, :8282) behind haproxy on :8280, SPA on :5173"
	@echo "make test           every test (backend on real PostgreSQL + Keycloak, frontend, browser)"
	@echo "make verify-security  the security suites alone (also part of make test): bad input, tokens,"
	@echo "                     scope and role matrices, concurrency, upload abuse"
	@echo "make openapi        regenerate openapi.yaml from the code (and the SPA's types)"
	@echo "make check-openapi  fail when openapi.yaml differs from what the code serves"
	@echo "make seed-large N=1000000   fill the benchmark database with N tasks"
	@echo "make bench          list latencies on the benchmark database (after seed-large)"
	@echo "make bench-webhooks outbound events: commit-to-delivery delay p50/p99 and backlog throughput (WEBHOOK_N=...)"
	@echo "make bench-bulk     100k-row xlsx import end to end vs PostgreSQL COPY, and the export (BULK_N=...)"
	@echo "make image         the API's container image as an OCI tar, by Jib without a Docker daemon"
	@echo "make image-check   build it and start it from its own layers (bubblewrap, root): ready, answers a token"

run:
	@scripts/run.sh

run-cluster:
	@scripts/cluster.sh

test:
	@scripts/test.sh all

test-backend:
	@scripts/test.sh backend

test-frontend:
	@scripts/test.sh frontend

verify-security:
	@scripts/test.sh security

build:
	cd backend && $(MVN) -B -q package -DskipTests -Dquarkus.smallrye-openapi.store-schema-directory=target/openapi

# The contract is generated from the code; the committed file must be exactly that.
openapi: build
	cp backend/target/openapi/openapi.yaml openapi.yaml
	@if [ -d frontend/node_modules ]; then cd frontend && npm run --silent gen:api; fi
	@echo "openapi.yaml regenerated"

check-openapi:
	@diff -u openapi.yaml backend/target/openapi/openapi.yaml \
	  || { echo "openapi.yaml is stale: run 'make openapi' and commit it"; exit 1; }

# Benchmarks run on a database of their own (qingfeng_bench), never on a developer's run data.
N ?= 1000000
seed-large:
	@scripts/bench.sh seed $(N)

bench:
	@scripts/bench.sh run

# Bulk import and export: N rows end to end beside a COPY of the same rows (default 100000).
bench-webhooks:
	@scripts/bench.sh webhooks $(or $(WEBHOOK_N),2000)

bench-bulk:
	@scripts/bench.sh bulk $(or $(BULK_N),100000)

image:
	@scripts/image.sh build

image-check:
	@scripts/image.sh check

clean:
	cd backend && $(MVN) -B -q clean
	rm -rf frontend/dist
