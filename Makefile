# cdop: two commands do everything on a fresh Debian machine with Swift.
#   make run    installs what is missing, builds, and starts cdop on var/cdop.sqlite
#   make test   installs what is missing and runs the whole suite with its real local servers

SWIFT ?= swift
CDOP_DB ?= var/cdop.sqlite
export CDOP_DB

.PHONY: all deps build run test bench clean

all: build

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build --product cdop

# Until the web server lands (the web issue), `make run` opens the database and shows its status view.
run: build
	@mkdir -p var
	CDOP_DEMO=$${CDOP_DEMO:-1} .build/debug/cdop status

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: deps
	$(SWIFT) run -c release cdop-bench

clean:
	rm -rf .build
