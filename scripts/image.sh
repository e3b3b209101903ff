#!/usr/bin/env bash
# The API's container image, built by Jib without a Docker daemon or a registry, and a check that it runs.
#   scripts/image.sh build   backend/target/image/qingfeng-api.tar (OCI layout; `skopeo copy
#                            oci-archive:… docker://REGISTRY/…` or `podman load` take it from there)
#   scripts/image.sh check   builds it, unpacks its layers as a container runtime would and starts its
#                            entrypoint, as its user, in bubblewrap (as root) on the database qingfeng_image
#                            with the demo data; passes when it is ready and answers a real token
# The image is from scratch: a jlink'd Java of this machine's JDK and the C libraries it links (no base
# image: this machine reaches no container registry), then Quarkus' fast-jar as dependencies and application.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
mode="${1:-build}"
work=backend/target/image
out="$work/qingfeng-api.tar"
# The name the generated Kubernetes manifest asks for (quarkus.container-image.*, the project version).
name="docker.io/qingfeng/qingfeng-api:${QF_IMAGE_TAG:-0.1.0-SNAPSHOT}"

build_image() {
  build_backend
  local jdk runtime modules cp
  jdk="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
  [[ -d "$jdk/jmods" ]] || { log "jlink needs the JDK's jmods ($jdk/jmods is missing)"; exit 1; }
  runtime="$work/runtime"
  rm -rf "$runtime" && mkdir -p "$runtime/opt" "$runtime/etc" "$runtime/tmp"
  # Writable by the application's user (Vert.x' file cache, the JVM's perf data).
  chmod 777 "$runtime/tmp"
  # Every module of the JDK but its development tools: what the application loads is decided at run time
  # (Quarkus, POI, the JDBC driver), and a missing module would fail only on the path that needs it.
  modules="$("$jdk/bin/java" --list-modules | sed 's/@.*//' \
    | grep -Ev '^jdk\.(compiler|javadoc|jshell|jlink|jdeps|jpackage|jartool|jconsole|jdi|jdwp\.agent|jstatd|hotspot\.agent|editpad|internal\.(ed|le|opt|jvmstat)|internal\.vm\.(ci|compiler|compiler\.management)|graal\.compiler|attach|random)$' \
    | paste -sd,)"
  log "jlink: a Java runtime for the image"
  "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
    --compress=2 --output "$runtime/opt/java" 2>&1 | grep -v 'deprecated' >&2 || true
  [[ -x "$runtime/opt/java/bin/java" ]] || { log "jlink failed"; exit 1; }
  # Debian's JDK links its CA store from /etc; the image carries the file itself.
  [[ -f /etc/ssl/certs/java/cacerts ]] && cp -L /etc/ssl/certs/java/cacerts "$runtime/opt/java/lib/security/cacerts"
  log "the C libraries the runtime links"
  find "$runtime/opt/java" -name '*.so' ! -name 'libawt_xawt.so' ! -name 'libsplashscreen.so' ! -name 'libjawt.so' \
      -o -path '*/bin/*' -type f \
    | xargs -r ldd 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\/lib64\// { print $1 }' | sort -u \
    | while read -r lib; do mkdir -p "$runtime$(dirname "$lib")"; cp -L "$lib" "$runtime$lib"; done
  printf 'root:x:0:0::/root:/sbin/nologin\nqingfeng:x:185:0::/deployments:/sbin/nologin\n' > "$runtime/etc/passwd"
  printf 'root:x:0:\n' > "$runtime/etc/group"
  log "jib: writing $out"
  (cd tools/image && "$MVN" -B -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >&2)
  cp="$(cat tools/image/target/classpath.txt)"
  java -cp "$cp" tools/image/BuildImage.java "$runtime" backend/target/quarkus-app "$out" "$name"
  log "image: $name, $(du -m "$out" | cut -f1) MB in $out"
}

# Unpacks the OCI tar's layers, in order, into $1 and prints the entrypoint and environment as
# NUL-separated "ENTRY arg" / "ENV k=v" / "USER u" records.
unpack() {
  python3 - "$out" "$1" <<'PY'
import io, json, sys, tarfile
tar = tarfile.open(sys.argv[1])
blob = lambda d: tar.extractfile("blobs/sha256/" + d.split(":", 1)[1]).read()
index = json.loads(tar.extractfile("index.json").read())
manifest = json.loads(blob(index["manifests"][0]["digest"]))
config = json.loads(blob(manifest["config"]["digest"]))["config"]
for layer in manifest["layers"]:
    with tarfile.open(fileobj=io.BytesIO(blob(layer["digest"]))) as t:
        t.extractall(sys.argv[2], numeric_owner=True)
out = sys.stdout
for arg in config["Entrypoint"]: out.write("ENTRY " + arg + "\0")
for env in config.get("Env", []): out.write("ENV " + env + "\0")
out.write("USER " + config.get("User", "0") + "\0")
PY
}

if [[ "$mode" == build ]]; then
  build_image
  exit 0
fi

[[ "$mode" == check ]] || { echo "usage: scripts/image.sh build|check" >&2; exit 2; }
[[ $EUID -eq 0 ]] || { log "check runs the image in bubblewrap and needs root"; exit 1; }
ensure_command bwrap bubblewrap
build_image
rootfs="$work/rootfs"
rm -rf "$rootfs" && mkdir -p "$rootfs"
entry=() envs=() user=0
while IFS= read -r -d '' rec; do
  case "$rec" in
    ENTRY\ *) entry+=("${rec#ENTRY }") ;;
    ENV\ *) envs+=("${rec#ENV }") ;;
    USER\ *) user="${rec#USER }" ;;
  esac
done < <(unpack "$rootfs")
setenv=()
for kv in "${envs[@]}"; do setenv+=(--setenv "${kv%%=*}" "${kv#*=}"); done

env_lines="$(scripts/pg.sh ensure-test)"
eval "$env_lines"
server="${QF_TEST_DB_URL%/*}"
java -jar tools/pgctl/target/pgctl.jar bootstrap --url "$server/postgres" --database qingfeng_image >&2
KC_STARTED="" pid=""
cleanup() {
  trap - INT TERM EXIT
  [[ -n "$pid" ]] && stop_pid "$pid"
  [[ -n "$KC_STARTED" ]] && { scripts/keycloak.sh stop >&2 || true; }
  return 0
}
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM
trap cleanup EXIT
scripts/keycloak.sh status >/dev/null 2>&1 || { KC_STARTED=1; scripts/keycloak.sh start; }
for port in 18380 19380; do port_free "$port" || { log "port $port is taken"; exit 1; }; done
log "starting the image's entrypoint as user $user: ${entry[*]}"
bwrap --bind "$rootfs" / --dev /dev --proc /proc --unshare-user --unshare-pid --uid "$user" --gid 0 \
  --die-with-parent --clearenv "${setenv[@]}" \
  --setenv QF_DB_URL "$server/qingfeng_image" --setenv QF_DEMO_DATA true \
  --setenv QF_HTTP_PORT 18380 --setenv QF_MANAGEMENT_PORT 19380 --setenv QF_HTTP_HOST 127.0.0.1 \
  --setenv QF_MANAGEMENT_HOST 127.0.0.1 --setenv QF_CURSOR_SECRET image-check-cursor-secret \
  --setenv QF_SHUTDOWN_DELAY 0s --setenv QF_OIDC_URL "${QF_KEYCLOAK_URL:-http://127.0.0.1:8180}/realms/qingfeng" \
  -- "${entry[@]}" > "$work/check.log" 2>&1 &
pid=$!
status=0
if wait_http http://127.0.0.1:19380/q/health/ready 180; then
  code="$(curl -s -o "$work/check-units.json" -w '%{http_code}' \
    -H "Authorization: Bearer $(scripts/keycloak.sh token jiandu)" http://127.0.0.1:18380/api/v1/units)"
  if [[ "$code" == 200 ]] && grep -q '"name"' "$work/check-units.json"; then
    log "image check passed: ready, and GET /api/v1/units answered 200 to a real token (log: $work/check.log)"
  else
    log "image check failed: GET /api/v1/units answered $code"; status=1
  fi
else
  log "image check failed: not ready within 180 s"; tail -30 "$work/check.log" >&2; status=1
fi
exit "$status"
