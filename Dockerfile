# Build stage: compile and package the fat jar (tests run in CI, not here).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml config.properties ./
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q -DskipTests package

# Run stage: a JRE, the jar, and a non-root user owning /data. The JVM settings are the
# measured ones (docs/BENCHMARKS.md, "Memory": a 100 MB heap, 24 MB of it the embedded
# database's page cache, db.h2.cache.mb; the quick compiler only); a bigger instance raises
# -Xmx and db.h2.cache.mb, and may drop -XX:TieredStopAtLevel=1 for faster writes.
FROM eclipse-temurin:17-jre
RUN groupadd --system raven && useradd --system --gid raven --home-dir /app --shell /usr/sbin/nologin raven \
    && mkdir -p /app /data && chown raven:raven /data
WORKDIR /app
COPY --from=build /src/target/raven.jar /app/raven.jar
ENV RAVEN_DATA_DIR=/data \
    RAVEN_SERVER_PORT=8080 \
    MALLOC_ARENA_MAX=2 \
    JAVA_TOOL_OPTIONS="-Xms64m -Xmx100m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=48m -XX:MaxDirectMemorySize=64m -Djdk.nio.maxCachedBufferSize=262144"
VOLUME ["/data"]
EXPOSE 8080
USER raven
# exec form: the JVM is PID 1 and gets SIGTERM directly, so shutdown is graceful.
ENTRYPOINT ["java", "-jar", "/app/raven.jar"]
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q '200 OK' <&3"]
