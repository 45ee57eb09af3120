# syntax=docker/dockerfile:1
# Infra Console: build the production jar (Vaadin's pre-built bundle, no Node.js) and run it
# as a non-root user. Not built on our CI machines (no Docker engine there); kept conventional.
#
# Jobs run ansible-playbook inside bubblewrap, which needs user namespaces: Docker's default
# seccomp and AppArmor profiles forbid them, so run the image with both relaxed (docs/security.md).
# Without that, jobs are refused with one line saying so; nothing runs unsandboxed by accident.
#
#   docker build -t infra-console .
#   docker run -p 8080:8080 --security-opt seccomp=unconfined --security-opt apparmor=unconfined \
#       -v infra-data:/var/lib/infra-console/data infra-console
#   docker run -p 8080:8080 -e DATABASE_URL='mysql://infra:secret@db:3306/infra_automation' infra-console
#   docker run --rm -e DATABASE_URL=... infra-console db-status

FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /build
COPY pom.xml ./
# Dependencies first, in their own layer, so that a source change does not download them again.
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -Pproduction dependency:go-offline
COPY src ./src
RUN --mount=type=cache,target=/root/.m2 mvn -B -Pproduction package -DskipTests

FROM eclipse-temurin:21-jre
# ansible, openssh-client and bubblewrap run jobs (in the sandbox); curl is for the HEALTHCHECK.
RUN apt-get update \
    && apt-get install -y --no-install-recommends ansible openssh-client bubblewrap curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system infra \
    && useradd --system --gid infra --home-dir /var/lib/infra-console --create-home infra \
    && mkdir -p /var/lib/infra-console/data \
    && chown -R infra:infra /var/lib/infra-console
WORKDIR /opt/infra-console
COPY --from=build /build/target/infra-console.jar ./infra-console.jar

# Without DATABASE_URL / DB_HOST the console starts its embedded MariaDB with its data here:
# fine for a trial, while production points at MySQL 8 or MariaDB through DATABASE_URL.
ENV INFRA_DATA_DIR=/var/lib/infra-console/data \
    PORT=8080
VOLUME ["/var/lib/infra-console/data"]
USER infra
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD curl -fsS -o /dev/null "http://localhost:${PORT:-8080}/login" || exit 1
# Arguments after the image name are passed on: a command (init-db, db-status...) or options.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/infra-console/infra-console.jar"]
