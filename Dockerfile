# One image for the three services; docker-compose.yml picks the main class of each.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/launcher/target/statstream.jar /app/statstream.jar
ENTRYPOINT ["java", "-cp", "/app/statstream.jar"]
# Default: the whole pipeline in one container (embedded broker); compose overrides the class.
CMD ["io.statstream.launcher.StatstreamLocal"]
