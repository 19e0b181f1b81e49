# Raven: `make run` serves on the embedded H2 database; `make test` runs the whole suite
# on H2, `make test-postgres` runs it again on PostgreSQL (each test class on its own schema).
MVN ?= mvn -B -q
MVN_TEST ?= mvn -B --no-transfer-progress
JAR := target/raven.jar
# The PostgreSQL server for test-postgres: credentials in the URL, no schema (tests make their own).
TEST_DB_URL ?= jdbc:postgresql://127.0.0.1:5432/test?user=postgres
SOURCES := $(shell find src -type f 2>/dev/null) pom.xml config.properties

.PHONY: build run test test-postgres browser screenshots fuzz bench bench-scale bench-slowloris bench-streams clean

build: $(JAR)

$(JAR): $(SOURCES)
	$(MVN) -DskipTests package

# The JVM settings documented in the README (a 100 MB heap: Raven within 250 MB of memory).
JVM_OPTS ?= -Xms64m -Xmx100m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=48m -XX:MaxDirectMemorySize=64m -Djdk.nio.maxCachedBufferSize=262144

run: $(JAR)
	MALLOC_ARENA_MAX=2 java $(JVM_OPTS) -jar $(JAR)

# The browser tests need Debian's chromium + chromium-driver: installed when missing (as root).
browser:
	bash .ci/ensure-browser.sh

test: browser
	$(MVN_TEST) test

test-postgres: browser
	RAVEN_TEST_DB_URL='$(TEST_DB_URL)' $(MVN_TEST) test

# The fuzz suite alone (make test runs it too): bad input of every kind to every route.
fuzz:
	$(MVN_TEST) test -Dtest=RouteFuzzTest

# Retakes docs/web-home.png (and docs/web-home-360.png) from the browser tests.
screenshots: browser
	$(MVN_TEST) test -Dtest=BrowserTest -Draven.update.screenshots=true

# Benchmarks (docs/BENCHMARKS.md): need wrk (Debian: apt-get install wrk).
# SIZE=small (~100k tweets) or large (~1M); DB=h2 (default) or postgres.
SIZE ?= small
DB ?= h2
bench: $(JAR)
	DB=$(DB) bench/run.sh $(SIZE)

bench-scale: $(JAR)
	DB=$(DB) bench/run.sh scale

# /health and the home timeline, calm and while 2,000 slow-body connections are open (127.0.0.x only).
bench-slowloris: $(JAR)
	DB=$(DB) bench/run.sh slowloris

# RSS with 1,000 idle live-update streams, and action-to-stream delivery under write load.
bench-streams: $(JAR)
	DB=$(DB) bench/run.sh streams

clean:
	$(MVN) clean
