#!/usr/bin/env bash
# Whole-build cost of the plugin, as its users see it: `mvn -o package` of the example service, run
# alternately (each round runs every variant once, in a shuffled order) and summarised as medians and
# ratios of the same run, so that a busy machine slows all variants alike.
#
#   benchmarks/build-overhead.sh [ROUNDS]      (default 7; needs a warm ~/.m2, runs offline)
#
# Variants, each `mvn -o -q package` of a copy of example-project from an empty target/ (removed before
# the clock starts), so that every build does the whole work and nothing is up to date:
#   none      the example without the plugin declared   the build as if the plugin did not exist
#   skip      -Dferm.skip=true                          Maven still resolves the plugin and makes its class realm
#   plugin    -Dferm.verify=false                       the plugin, without running ferm
#   verify    -Dferm.verify=auto                        the plugin, with ferm checking the bundle when installed
#   assembly  without the plugin, -Passembly            maven-assembly-plugin packing the same ferm.d files
# Each timed build records wall time and CPU time (user + system of all Maven's threads): CPU time is
# what a busy machine disturbs least. One more build of each variant, untimed, counts the classes its JVM
# loads (-Xlog:class+load), which does not depend on the load at all.
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

# The example as a project of its own: its parent pom beside it, an 'assembly' profile that packs the
# files of the plugin's bundle, unpacked into ferm-d/, and pom-none.xml, the same without the plugin.
cp "$root/pom.xml" "$work/pom.xml"
cp -r "$root/example-project" "$project"
rm -rf "$project/target"
"${mvn[@]}" -f "$project/pom.xml" package -Dferm.verify=false >&2
mkdir "$work/unpacked"
tar -xzf "$(ls "$project"/target/*-ferm.tar.gz)" -C "$work/unpacked"
mv "$work/unpacked/ferm.d" "$project/ferm-d"
cp "$root/benchmarks/build-overhead/assembly.xml" "$project/assembly.xml"
python3 - "$project/pom.xml" "$project/pom-none.xml" <<'PY'
import sys
path, without_plugin = sys.argv[1], sys.argv[2]
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
pom = pom.replace("</project>", profile, 1)
open(path, "w").write(pom)
start = pom.index("<plugin>\n        <groupId>io.github.fermmavenplugin</groupId>")
end = pom.index("</plugin>", start) + len("</plugin>")
open(without_plugin, "w").write(pom[:start] + pom[end:])
PY

declare -A args=(
  [none]="-f $project/pom-none.xml"
  [skip]="-f $project/pom.xml -Dferm.skip=true"
  [plugin]="-f $project/pom.xml -Dferm.verify=false"
  [verify]="-f $project/pom.xml -Dferm.verify=auto"
  [assembly]="-f $project/pom-none.xml -Passembly"
)
variants=(none skip plugin verify assembly)
times="$work/times.tsv"
classes="$work/classes.tsv"
: > "$times"
: > "$classes"

# One untimed build of every variant: the file cache and the plugins' jars warm, and the classes counted.
for variant in "${variants[@]}"; do
  rm -rf "$project/target"
  # shellcheck disable=SC2086
  MAVEN_OPTS="${MAVEN_OPTS:-} -Xlog:class+load:file=$work/classes.log" "${mvn[@]}" package ${args[$variant]} >&2
  printf '%s\t%s\n' "$variant" "$(wc -l < "$work/classes.log")" >> "$classes"
  rm "$work/classes.log"
done

for round in $(seq 1 "$rounds"); do
  for variant in $(printf '%s\n' "${variants[@]}" | shuf); do
    rm -rf "$project/target"
    start=$(date +%s%N)
    # shellcheck disable=SC2086
    /usr/bin/time -f '%U %S' -o "$work/cpu" "${mvn[@]}" package ${args[$variant]} >&2
    end=$(date +%s%N)
    read -r user system < "$work/cpu"
    printf '%s\t%s\t%s\t%s\n' "$round" "$variant" "$(( (end - start) / 1000000 ))" "$user $system" >> "$times"
  done
  echo "round $round of $rounds done" >&2
done

python3 - "$times" "$classes" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import statistics, sys
from collections import defaultdict
rows = [line.split("\t") for line in open(sys.argv[1]).read().split("\n") if line]
wall, cpu = defaultdict(dict), defaultdict(dict)
for round_, variant, wall_ms, cpu_seconds in rows:
    wall[variant][round_] = int(wall_ms) / 1000
    cpu[variant][round_] = sum(float(s) for s in cpu_seconds.split())
classes = dict(line.split("\t") for line in open(sys.argv[2]).read().split("\n") if line)
rounds = sorted(wall["none"])
def paired(seconds, a, b):
    return statistics.median([seconds[a][r] - seconds[b][r] for r in rounds])
print(f"{len(rounds)} rounds, {sys.argv[3]} cores, load average {sys.argv[4]} at the end")
print(f"{'variant':<10} {'median wall (s)':>16} {'median CPU (s)':>15} {'classes loaded':>15}")
for variant in ["none", "skip", "plugin", "verify", "assembly"]:
    print(f"{variant:<10} {statistics.median(wall[variant].values()):>16.2f}"
          f" {statistics.median(cpu[variant].values()):>15.2f} {int(classes[variant]):>15}")
print("medians of paired differences: wall s (CPU s)")
for label, a, b in [("plugin overhead with verify=false, plugin - skip", "plugin", "skip"),
                    ("resolving the plugin and making its realm, skip - none", "skip", "none"),
                    ("the plugin's whole cost, plugin - none", "plugin", "none"),
                    ("cost of verify=auto on its own, verify - plugin", "verify", "plugin"),
                    ("maven-assembly-plugin's whole cost, assembly - none", "assembly", "none")]:
    print(f"  {label}: {paired(wall, a, b):.2f} ({paired(cpu, a, b):.2f})")
plugin, assembly = paired(wall, "plugin", "none"), paired(wall, "assembly", "none")
print(f"plugin / assembly, medians of whole builds: "
      f"{statistics.median(wall['plugin'].values()) / statistics.median(wall['assembly'].values()):.3f}")
if assembly > 0:
    print(f"plugin's whole cost / assembly's whole cost: {plugin / assembly:.2f}")
# The ratio of each round's two builds, which ran moments apart, then its median: a burst of load that
# slows one round slows both of its builds, where the ratio of the medians can pair builds of two rounds.
for label, seconds in [("wall", wall), ("CPU", cpu)]:
    ratios = sorted(seconds["plugin"][r] / seconds["assembly"][r] for r in rounds)
    print(f"plugin / assembly, median of per-round {label} ratios: {statistics.median(ratios):.3f}"
          f" (min {ratios[0]:.3f}, max {ratios[-1]:.3f})")
PY
