# Sourced by ./mvnw. The console needs a JDK >= 21 (Vaadin 25, Spring Boot 4), but the default
# `java` on our Debian 12 machines is 17. When JAVA_HOME is unset or too old, pick the newest
# JDK >= 21 found under /usr/lib/jvm, so that `./mvnw ...` works as README says.
infra_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(infra_java_major "$JAVA_HOME")" -lt 21 ] 2>/dev/null; then
  infra_best="" infra_best_major=0
  # mvnw runs with globbing off (set -f), so list the directory instead of using a glob.
  for infra_n in $(ls /usr/lib/jvm 2>/dev/null); do
    infra_d=/usr/lib/jvm/$infra_n
    [ -x "$infra_d/bin/javac" ] || continue
    infra_m=$(infra_java_major "$infra_d")
    if [ -n "$infra_m" ] && [ "$infra_m" -ge 21 ] && [ "$infra_m" -gt "$infra_best_major" ]; then
      infra_best=$infra_d infra_best_major=$infra_m
    fi
  done
  if [ -n "$infra_best" ]; then
    export JAVA_HOME="$infra_best"
  elif [ -n "${JAVA_HOME:-}" ]; then
    echo "Infra Console needs a JDK >= 21; JAVA_HOME=$JAVA_HOME is older and none was found under /usr/lib/jvm." >&2
  fi
fi
