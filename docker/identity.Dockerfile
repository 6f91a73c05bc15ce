# The identity provider (OIDC, the embedded default's). Build from the repository root:  docker build -f docker/identity.Dockerfile .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw --batch-mode --no-transfer-progress -DskipTests package -pl identity -am

FROM eclipse-temurin:17-jre
RUN groupadd --system rasad && useradd --system --gid rasad rasad \
    && mkdir -p /var/lib/rasad/identity-keys && chown -R rasad:rasad /var/lib/rasad
COPY --from=build /src/identity/target/identity-exec.jar /opt/rasad/identity.jar
USER rasad
# Listen on the container's interface; never call home.
ENV RASAD_BIND_ADDRESS=0.0.0.0 \
    AXONIQ_UPDATE_CHECKER_DISABLED=true \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8083
ENTRYPOINT ["java", "-jar", "/opt/rasad/identity.jar"]
