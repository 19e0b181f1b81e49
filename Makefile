# Raven: `make run` serves on the embedded H2 database; `make test` runs the whole suite.
MVN ?= mvn -B -q
MVN_TEST ?= mvn -B --no-transfer-progress
JAR := target/raven.jar
SOURCES := $(shell find src -type f 2>/dev/null) pom.xml config.properties

.PHONY: build run test clean

build: $(JAR)

$(JAR): $(SOURCES)
	$(MVN) -DskipTests package

run: $(JAR)
	java -jar $(JAR)

test:
	$(MVN_TEST) test

clean:
	$(MVN) clean
