#!/bin/sh
# Prints the home of a JDK >= 21 for Stay's build and runtime: JAVA_HOME when it is one,
# else the newest JDK under /usr/lib/jvm. Exits 1 with a message when there is none.
release_of() {
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null
}
if [ -n "${JAVA_HOME-}" ] && [ "$(release_of "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
  echo "$JAVA_HOME"; exit 0
fi
best= best_release=0
for home in /usr/lib/jvm/*; do
  r=$(release_of "$home")
  if [ -n "$r" ] && [ -x "$home/bin/javac" ] && [ "$r" -ge 21 ] && [ "$r" -gt "$best_release" ]; then
    best=$home best_release=$r
  fi
done
if [ -z "$best" ]; then
  echo "Stay needs a JDK 21 or newer: set JAVA_HOME to one (found none under /usr/lib/jvm)" >&2
  exit 1
fi
echo "$best"
