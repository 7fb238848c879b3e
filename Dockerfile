# syntax=docker/dockerfile:1
# One image with the executables (baoxue, baoxue-registry, baoxue-monitor, baoxue-subsidy, baoxue-care).
# docker-compose.yml runs one container per service from it. Build: docker build -t baoxue .

# --- build -------------------------------------------------------------------------------------
FROM swift:6.1-bookworm AS build
# libzmq through the CZeroMQ system-library target (pkg-config libzmq); SQLite for GRDB; mimalloc,
# every executable's allocator (decision 145); libfreexl
# and libxlsxwriter for Excel uploads and exports; zlib for ZIPFoundation.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libzmq3-dev libsqlite3-dev libmimalloc-dev libfreexl-dev libxlsxwriter-dev zlib1g-dev pkg-config \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /build
# Dependencies first, so a change to the sources does not fetch them again. `Package.*` also
# takes Package.resolved when there is one (.gitignore leaves it out of the repository).
COPY Package.* ./
RUN swift package resolve
COPY Sources ./Sources
# SwiftPM checks the folder of every target, test targets included, when it loads the package.
COPY Tests ./Tests
# The Swift runtime and Foundation are linked in; libzmq, libsqlite3, libmimalloc and libstdc++ stay shared.
RUN swift build -c release --static-swift-stdlib \
 && bin="$(swift build -c release --show-bin-path)" \
 && install -D -m 0755 "$bin/baoxue" /staging/baoxue \
 && install -D -m 0755 "$bin/baoxue-registry" /staging/baoxue-registry \
 && install -D -m 0755 "$bin/baoxue-monitor" /staging/baoxue-monitor \
 && install -D -m 0755 "$bin/baoxue-subsidy" /staging/baoxue-subsidy \
 && install -D -m 0755 "$bin/baoxue-care" /staging/baoxue-care

# --- run ---------------------------------------------------------------------------------------
FROM debian:bookworm-slim
# curl: the gateway's healthcheck (GET /healthz). tzdata: correct local times in logs if TZ is set.
# pandoc: the yearly summary as a Word document.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libzmq5 libsqlite3-0 libmimalloc2.0 libfreexl1 libxlsxwriter4 zlib1g libstdc++6 ca-certificates curl tzdata pandoc \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home-dir /var/lib/baoxue --shell /usr/sbin/nologin baoxue \
 && install -d -o baoxue -g baoxue -m 0700 /var/lib/baoxue
COPY --from=build /staging/ /opt/baoxue/bin/
# config/registry.yaml, monitor.yaml, subsidy.yaml, care.yaml and gateway.yaml at their defaults; the environment overrides them.
COPY config/ /etc/baoxue/
ENV PATH=/opt/baoxue/bin:$PATH \
    BAOXUE_CONFIG_DIR=/etc/baoxue
# Named volumes mounted here start with this directory's owner (baoxue).
WORKDIR /var/lib/baoxue
USER baoxue
CMD ["baoxue", "--help"]
