# Nicecream History: one image for every role (API, crawler, migrations,
# single-container "embedded" setup). The command picks the role:
#   docker run IMAGE            -> nicecream serve (API + embedded crawler)
#   docker run IMAGE crawl      -> crawler alone
#   docker run IMAGE migrate    -> apply database migrations and exit
# Everything is Debian 12 packages; the stages below build with the same
# toolchain the project uses, and the runtime stage keeps only shared
# libraries, the binary, migrations and the built web app.

# ---------------------------------------------------------------- build ---
FROM debian:bookworm AS build

ARG DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      ca-certificates cmake g++ make pkg-config \
      libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev libboost-system1.81-dev \
      libsqlite3-dev libpq-dev libhiredis-dev libssl-dev libcurl4-openssl-dev \
      libspdlog-dev libfmt-dev libcli11-dev libhowardhinnant-date-dev \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /src
# The whole tree (less what .dockerignore drops): the build embeds files
# from several folders, and a missing one should not be a surprise here.
COPY . .
RUN cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DNICECREAM_TESTS=OFF \
 && cmake --build build -j"$(nproc)" \
 && strip build/nicecream \
 && build/nicecream version

# ------------------------------------------------------------------ web ---
FROM debian:bookworm AS web

ARG DEBIAN_FRONTEND=noninteractive
# Debian 12 ships Node.js 18, older than the web toolchain (Vite) accepts.
# Debian's npm fetches the Node.js 20 build that the npm registry publishes
# as the package node-linux-<arch>; npm then runs on that node. See
# docs/decisions/0001-container-image.md.
ARG NODE_VERSION=20.20.2
# Certificates (PEM) to trust while fetching from the npm registry, for a
# network that inspects TLS through its own certificate authority.
# deploy/smoke/run.sh passes the host's locally added ones. Build stage only.
ARG EXTRA_CA_CERTS=""
ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates nodejs npm \
 && rm -rf /var/lib/apt/lists/* \
 && if [ -n "$EXTRA_CA_CERTS" ]; then \
      printf '%s\n' "$EXTRA_CA_CERTS" > /usr/local/share/ca-certificates/build-extra.crt \
      && update-ca-certificates; \
    fi \
 && arch="$(dpkg --print-architecture | sed -e 's/^amd64$/x64/')" \
 && cd /tmp \
 && npm pack --loglevel=error "node-linux-${arch}@${NODE_VERSION}" \
 && mkdir -p /opt/node \
 && tar -xzf "node-linux-${arch}-${NODE_VERSION}.tgz" -C /opt/node --strip-components=1 package/bin/node \
 && rm "node-linux-${arch}-${NODE_VERSION}.tgz" \
 && ln -s /opt/node/bin/node /usr/local/bin/node \
 && node --version

WORKDIR /web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web/ ./
RUN npm run build

# -------------------------------------------------------------- runtime ---
FROM debian:bookworm AS runtime

ARG DEBIAN_FRONTEND=noninteractive
# awscli (Debian's AWS CLI v2) lets the entrypoint read settings from SSM
# Parameter Store on AWS; build with --build-arg WITH_AWSCLI=false for an
# image that never runs there (about 150 MB smaller).
ARG WITH_AWSCLI=true
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      ca-certificates curl \
      libboost-json1.81.0 libboost-url1.81.0 \
      libsqlite3-0 libpq5 libhiredis0.14 libssl3 libcurl4 libspdlog1.10 libfmt9 \
      libdate-tz3 tzdata \
 && if [ "$WITH_AWSCLI" = "true" ]; then \
      apt-get install -y --no-install-recommends awscli python3; \
    fi \
 && rm -rf /var/lib/apt/lists/*

RUN groupadd --gid 10001 nicecream \
 && useradd --uid 10001 --gid nicecream --home-dir /var/lib/nicecream --no-create-home \
      --no-log-init --shell /usr/sbin/nologin nicecream \
 && install -d -o nicecream -g nicecream -m 0750 /var/lib/nicecream

COPY --from=build /src/build/nicecream /usr/local/bin/nicecream
COPY --from=build /src/migrations /usr/share/nicecream/migrations
COPY --from=web /web/dist /usr/share/nicecream/web
COPY deploy/docker/entrypoint.sh deploy/docker/ssm_to_env.py deploy/docker/healthcheck.sh /usr/local/lib/nicecream/

# The server listens on loopback by default; in a container it must listen
# on every interface to be reachable at all.
ENV API_HOST=0.0.0.0 \
    API_PORT=8080 \
    NICECREAM_DATA_DIR=/var/lib/nicecream \
    NICECREAM_WEB_DIR=/usr/share/nicecream/web

USER nicecream
WORKDIR /var/lib/nicecream
EXPOSE 8080

# Asks /healthz when the container serves the API, or a crawler's metrics
# port when it has one; a migration (or a crawler without that port) has no
# HTTP port and counts as healthy while it runs.
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["/usr/local/lib/nicecream/healthcheck.sh"]

ENTRYPOINT ["/usr/local/lib/nicecream/entrypoint.sh"]
CMD ["serve"]
