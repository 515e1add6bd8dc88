# One image recipe for the three subgraphs: NAME picks the module (catalog, booking or users).
#
# It packages the executable jar that Maven has already built, so the image holds exactly what
# the tests ran against. Build the jar first, then the image from the repository root:
#
#   ./mvnw -pl subgraph-catalog -am package -DskipTests
#   docker build -f docker/subgraph.Dockerfile --build-arg NAME=catalog -t stay/subgraph-catalog .
#
# compose.yaml does the second step for all three.
FROM eclipse-temurin:21.0.10_7-jre-noble

ARG NAME
ARG VERSION=0.1.0-SNAPSHOT
RUN test -n "${NAME}" || { echo "build with --build-arg NAME=catalog|booking|users" >&2; exit 1; } \
 && groupadd --system stay \
 && useradd --system --gid stay --no-create-home --shell /usr/sbin/nologin stay

WORKDIR /app
COPY subgraph-${NAME}/target/subgraph-${NAME}-${VERSION}-exec.jar /app/app.jar

USER stay
# Size the heap from the container's memory limit, and let the orchestrator restart a JVM that ran out.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
