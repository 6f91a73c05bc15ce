# The query side. Build from the repository root:  docker build -f docker/query-side.Dockerfile .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw --batch-mode --no-transfer-progress -DskipTests package -pl query-side -am

FROM eclipse-temurin:17-jre
RUN groupadd --system rasad && useradd --system --gid rasad rasad
COPY --from=build /src/query-side/target/query-side-exec.jar /opt/rasad/query-side.jar
USER rasad
# Listen on the container's interface; never call home.
ENV RASAD_BIND_ADDRESS=0.0.0.0 \
    AXONIQ_UPDATE_CHECKER_DISABLED=true \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8082
ENTRYPOINT ["java", "-jar", "/opt/rasad/query-side.jar"]
