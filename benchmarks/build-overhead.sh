#!/usr/bin/env bash
# Whole-build cost of the plugin, as its users see it: `mvn -o package` of the example service, run
# alternately (each round runs every variant once, in a shuffled order) and summarised as medians and
# ratios of the same run, so that a busy machine slows all variants alike.
#
#   benchmarks/build-overhead.sh [ROUNDS]      (default 7; needs a warm ~/.m2, runs offline)
#
# Variants, each `mvn -o -q package` of a copy of example-project:
#   skip      -Dferm.skip=true                  the build without the plugin's work
#   plugin    -Dferm.verify=false               the plugin, without running ferm
#   verify    -Dferm.verify=auto                the plugin, with ferm checking the bundle when installed
#   assembly  -Dferm.skip=true -Passembly       maven-assembly-plugin packing the same ferm.d files into a tar.gz
# The plugin is installed into a scratch local repository (ROOT/target/build-overhead), never into ~/.m2.
set -euo pipefail

rounds=${1:-7}
root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/benchmarks/target/build-overhead"
repo="$work/repo"
project="$work/example-project"
mvn=("$root/mvnw" -o -q -B "-Dmaven.repo.local=$repo" "-Dmaven.repo.local.tail=$HOME/.m2/repository")

echo "Installing the plugin into $repo" >&2
rm -rf "$work"
mkdir -p "$work"
"${mvn[@]}" -f "$root/pom.xml" install -pl .,ferm-maven-plugin -DskipTests -Dinvoker.skip=true >&2

# The example as a project of its own: its parent pom beside it, and an 'assembly' profile that packs
# the files of the plugin's bundle, unpacked into ferm-d/.
cp "$root/pom.xml" "$work/pom.xml"
cp -r "$root/example-project" "$project"
rm -rf "$project/target"
"${mvn[@]}" -f "$project/pom.xml" package -Dferm.verify=false >&2
mkdir "$work/unpacked"
tar -xzf "$(ls "$project"/target/*-ferm.tar.gz)" -C "$work/unpacked"
mv "$work/unpacked/ferm.d" "$project/ferm-d"
cp "$root/benchmarks/build-overhead/assembly.xml" "$project/assembly.xml"
python3 - "$project/pom.xml" <<'PY'
import sys
path = sys.argv[1]
pom = open(path).read()
profile = """
  <profiles>
    <profile>
      <id>assembly</id>
      <build>
        <plugins>
          <plugin>
            <groupId>org.apache.maven.plugins</groupId>
            <artifactId>maven-assembly-plugin</artifactId>
            <version>3.7.1</version>
            <executions>
              <execution>
                <phase>package</phase>
                <goals><goal>single</goal></goals>
                <configuration>
                  <descriptors><descriptor>assembly.xml</descriptor></descriptors>
                </configuration>
              </execution>
            </executions>
          </plugin>
        </plugins>
      </build>
    </profile>
  </profiles>
</project>"""
open(path, "w").write(pom.replace("</project>", profile, 1))
PY

declare -A args=(
  [skip]="-Dferm.skip=true"
  [plugin]="-Dferm.verify=false"
  [verify]="-Dferm.verify=auto"
  [assembly]="-Dferm.skip=true -Passembly"
)
variants=(skip plugin verify assembly)
times="$work/times.tsv"
: > "$times"

# One build, untimed, of every variant: the file cache and the assembly plugin's classes warm.
for variant in "${variants[@]}"; do
  # shellcheck disable=SC2086
  "${mvn[@]}" -f "$project/pom.xml" package ${args[$variant]} >&2
done

for round in $(seq 1 "$rounds"); do
  for variant in $(printf '%s\n' "${variants[@]}" | shuf); do
    start=$(date +%s%N)
    # shellcheck disable=SC2086
    "${mvn[@]}" -f "$project/pom.xml" package ${args[$variant]} >&2
    end=$(date +%s%N)
    printf '%s\t%s\t%s\n' "$round" "$variant" "$(( (end - start) / 1000000 ))" >> "$times"
  done
  echo "round $round of $rounds done" >&2
done

python3 - "$times" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import statistics, sys
from collections import defaultdict
rows = [line.split("\t") for line in open(sys.argv[1]).read().split("\n") if line]
ms = defaultdict(dict)
for round_, variant, millis in rows:
    ms[variant][round_] = int(millis)
rounds = sorted(ms["skip"])
def median(values):
    return statistics.median(values) / 1000
def paired(a, b):
    return median([ms[a][r] - ms[b][r] for r in rounds])
print(f"{len(rounds)} rounds, {sys.argv[2]} cores, load average {sys.argv[3]} at the end")
print("variant    median build (s)")
for variant in ["skip", "plugin", "verify", "assembly"]:
    print(f"{variant:<10} {median(ms[variant].values()):.2f}")
plugin = paired("plugin", "skip")
verify = paired("verify", "plugin")
assembly = paired("assembly", "skip")
print(f"plugin overhead (verify=false), median of paired plugin - skip: {plugin:.2f} s")
print(f"cost of verify=auto on its own, median of paired verify - plugin: {verify:.2f} s")
print(f"assembly overhead, median of paired assembly - skip: {assembly:.2f} s")
print(f"plugin / assembly, medians of whole builds: {median(ms['plugin'].values()) / median(ms['assembly'].values()):.3f}")
if assembly > 0:
    print(f"plugin overhead / assembly overhead: {plugin / assembly:.2f}")
PY
