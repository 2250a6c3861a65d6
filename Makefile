# cdop: two commands do everything on a fresh Debian machine with Swift.
#   make run    installs what is missing, builds, and starts cdop on var/cdop.sqlite
#   make test   installs what is missing and runs the whole suite with its real local servers

SWIFT ?= swift
CDOP_DB ?= var/cdop.sqlite
export CDOP_DB

.PHONY: all deps build run test bench fmt lint clean

all: build

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build --product cdop

# The server on http://127.0.0.1:8080/ (CDOP_HTTP_HOST, CDOP_HTTP_PORT); an empty database first gets the demo
# data set and one account per role, whose passwords are printed once.
run: build
	@mkdir -p var
	CDOP_DEMO=$${CDOP_DEMO:-1} .build/debug/cdop serve

# Tests that measure time, kill processes or wait on a server run in a second pass of their own, so the rest of the
# suite (the demo loads, the browser) cannot starve them of the machine's two cores; the PostgreSQL suites (which
# load the demo panel on both engines) run in a third, so they cannot starve the soak.
#
# The engine-contract suites (scheduler, outbox, killed ticks and senders) take the storage
# engine as an argument (CDOP_TEST_ENGINES, both when unset): the first two passes run them on SQLite, the
# third on PostgreSQL.
TIMING_SUITES = SoakTests|CrashSafetyTests|SMTPFailureTests|SubscriptionTests|TickCrashTests|DispatcherCrashTests|GracefulShutdownTests|BackupTests|LogPrivacyTests
ENGINE_CONTRACT_SUITES = ChasingSimulationTests|OutboxDispatcherTests|TickCrashTests|DispatcherCrashTests
POSTGRES_SUITES = CDOPPostgresTests

test: deps
	$(SWIFT) build --build-tests
	CDOP_TEST_ENGINES=sqlite $(SWIFT) test --skip-build --skip '$(TIMING_SUITES)|$(POSTGRES_SUITES)'
	CDOP_TEST_ENGINES=sqlite $(SWIFT) test --skip-build --filter '$(TIMING_SUITES)'
	CDOP_TEST_ENGINES=postgres $(SWIFT) test --skip-build --filter '$(POSTGRES_SUITES)|$(ENGINE_CONTRACT_SUITES)'

# Formatting: .swift-format (4 spaces, 120 columns) over every Swift file; `make lint` fails on any difference.
SWIFT_FORMAT_PATHS = Package.swift Sources Tests

fmt:
	$(SWIFT) format format --in-place --recursive --parallel $(SWIFT_FORMAT_PATHS)

lint:
	$(SWIFT) format lint --strict --recursive --parallel $(SWIFT_FORMAT_PATHS)

bench: deps
	$(SWIFT) run -c release cdop-bench

clean:
	rm -rf .build
