# The digits server (and `digits classify`) as an image, for those who build with Docker:
#   docker build -t digits:1.0.0 .
#   docker run --rm -p 8080:8080 --read-only --tmpfs /tmp digits:1.0.0
#   docker run --rm -v "$PWD/scans:/data:ro" --read-only --tmpfs /tmp digits:1.0.0 classify /data
# Without a Docker daemon: deploy/image/build.sh (Jib, from a Debian base built here). Both images
# run as an unprivileged user, on a read-only root with a writable /tmp, and download nothing.

FROM maven:3-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY src src
COPY models models
COPY data data
RUN mvn -B -q -DskipTests package
# DJL unpacks PyTorch's native libraries (in the jar, from pytorch-native-cpu) into its cache on
# first use. Doing it here puts them in the image: nothing is written or fetched at start.
RUN DJL_CACHE_DIR=/opt/digits/djl java -jar target/digits.jar info default >/dev/null

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 digits \
 && useradd --system --uid 10001 --gid digits --home-dir /nonexistent --no-create-home digits
COPY --from=build /opt/digits/djl /opt/digits/djl
COPY --from=build /src/target/digits.jar /opt/digits/digits.jar
COPY digits /opt/digits/digits
# The launcher sets the allocator and JVM settings `serve` is measured with; DIGITS_JAR stops it
# from looking for sources to build. XDG_CACHE_HOME: JNA unpacks its library there, under /tmp.
ENV DIGITS_JAR=/opt/digits/digits.jar \
    DJL_CACHE_DIR=/opt/digits/djl \
    XDG_CACHE_HOME=/tmp/cache \
    OPT_OUT_TRACKING=true
# A server that starts and stops once records the class-data archive beside the jar, which makes
# later starts faster (docs/DECISIONS.md); at run time the root is read-only and it is only read.
RUN /opt/digits/digits serve --host 127.0.0.1 --port 0 --exit-when-ready >/dev/null
USER 10001:10001
EXPOSE 8080
ENTRYPOINT ["/opt/digits/digits"]
CMD ["serve"]
