# The seed loader (seed/README.md): loads the demo world into the catalog, booking and users databases once the
# subgraphs have migrated them. It packages what Maven has already built; build that first, then the image from
# the repository root:
#
#   ./mvnw -pl seed -am package -DskipTests
#   docker build -f docker/seed.Dockerfile -t stay/seed .
#
# compose.yaml runs it once the subgraphs are healthy.
FROM eclipse-temurin:21.0.10_7-jre-noble

ARG VERSION=0.1.0-SNAPSHOT
RUN groupadd --system stay \
 && useradd --system --gid stay --no-create-home --shell /usr/sbin/nologin stay

WORKDIR /app
COPY seed/target/seed-${VERSION}.jar /app/seed.jar
COPY seed/target/lib/ /app/lib/

USER stay
ENTRYPOINT ["java", "-cp", "/app/seed.jar:/app/lib/*", "dev.stay.seed.Seed"]
CMD ["--size", "small", "--progress", "lines"]
