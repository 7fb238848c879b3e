# Baoxue (保学): the two commands a newcomer needs.
#   make run   installs what is missing, builds, starts every service with a demo county
#   make test  installs what is missing, builds, runs every test
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PORT_BASE ?= 5550
HTTP ?= 127.0.0.1:8080

.PHONY: deps build run test fuzz bench bench-all clean

# System libraries: libzmq (ZeroMQ) and SQLite's headers (GRDB links the system SQLite), mimalloc
# (every executable's allocator, decision 145), libfreexl
# (reads .xls uploads), libxlsxwriter (writes .xlsx exports), zlib (ZIPFoundation) and pandoc
# (writes the yearly summary as a Word document); for the dashboard's browser test, Chromium, a
# CJK font for its screenshots, and Playwright (PyPI) to drive it; pyzmq
# for the protocol test that plays a Python client, PyYAML to check docker-compose.yml as data.
deps:
	@if ! pkg-config --exists libzmq freexl xlsxwriter zlib 2>/dev/null || [ ! -f /usr/include/sqlite3.h ] || [ ! -f /usr/include/mimalloc.h ] || ! command -v pandoc >/dev/null || ! command -v chromium >/dev/null || [ ! -d /usr/share/fonts/truetype/wqy ]; then \
		echo "Installing libzmq3-dev, libsqlite3-dev, libmimalloc-dev, libfreexl-dev, libxlsxwriter-dev, zlib1g-dev, pandoc, chromium, fonts-wqy-zenhei…"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libzmq3-dev libsqlite3-dev libmimalloc-dev libfreexl-dev libxlsxwriter-dev zlib1g-dev pkg-config pandoc chromium fonts-wqy-zenhei; \
	fi
	@python3 -c 'import zmq' 2>/dev/null || python3 -m pip install -q pyzmq || echo "pyzmq not installed: the Python protocol test will be skipped"
	@python3 -c 'import yaml' 2>/dev/null || python3 -m pip install -q pyyaml || echo "PyYAML not installed: the deployment-file checks will be skipped"
	@python3 -c 'import playwright' 2>/dev/null || python3 -m pip install -q playwright || echo "Playwright not installed: the dashboard's browser test will fail"

build: deps
	$(SWIFT) build

run: build
	.build/debug/baoxue up --demo --port-base $(PORT_BASE) --http $(HTTP)

# The load tests (thousands of alerts, a 100,000-row upload) and the browser test (an alert on the
# page within 2 s) run after the rest, one at a time: beside the parallel suite on two cores the
# load tests starve its services of CPU, and a timing bound would fail for the wrong reason.
LOAD_TESTS := AlertStreamLoadTests|UploadBoundsTests|DashboardBrowserTests
test: build
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --skip '$(LOAD_TESTS)'
	$(SWIFT) test --skip-build --no-parallel --filter '$(LOAD_TESTS)'
	$(MAKE) --no-print-directory fuzz

# Schemathesis (PyPI) against a throwaway demo gateway, bounded (about a minute).
fuzz: build
	bash Tests/fuzz/fuzz-gateway.sh

# Benchmarks are commands, not tests: release build, figures beside raw baselines.
bench: deps
	$(SWIFT) build -c release
	.build/release/baoxue bench import --students 100000

# Every benchmark, one table, and a plot of import rate and memory against county size
# (bench-scale.svg). About 20 minutes; LARGEST=10000000 adds a province (about 35 more, 30 GB of disk).
LARGEST ?= 1000000
bench-all: deps
	$(SWIFT) build -c release
	.build/release/baoxue bench all --largest $(LARGEST)

clean:
	rm -rf .build data
