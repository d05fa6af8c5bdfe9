// Unchanged inputs keep the archive (same bytes, same time) and still attach it; each change rebuilds;
// a failed build leaves nothing that a later build could take for up to date.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
List<String> steps = its.buildLog(basedir).split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.trim() }
assert steps.size() == 10, "ten builds expected, found ${steps.size()}"
String upToDate = '[INFO] ledger: bundle up to date (descriptor, Dockerfile, configuration and plugin unchanged) -> target/incremental-1.0-ferm.tar.gz'
String built = '[INFO] ledger: 1 rule open '
Map<Integer, String> expected = [1: 'built', 2: 'kept', 3: 'built (descriptor: one byte)', 4: 'built (build arg)',
                                 5: 'built (outputTimestamp)', 6: 'built (archive deleted)', 7: 'built (archive edited)',
                                 8: 'failed', 9: 'built (after a failure)', 10: 'kept']
expected.each { step, outcome ->
    String log = steps[step - 1]
    boolean wasBuilt = log.contains(built), wasKept = log.contains(upToDate)
    switch (outcome) {
        case 'kept': assert wasKept && !wasBuilt, "build ${step} should keep the bundle"; break
        case 'failed': assert !wasKept && !wasBuilt && log.contains('BUILD FAILURE'), "build ${step} should fail"; break
        default: assert wasBuilt && !wasKept, "build ${step} should have ${outcome}"
    }
}
assert steps[3].contains(built + '8081/tcp to 1 network'), 'the build arg reached the Dockerfile'

File snapshots = new File(basedir, 'snapshots')
File first = new File(snapshots, 'first.bin'), kept = new File(snapshots, 'kept.bin')
assert first.lastModified() == kept.lastModified(), 'the up-to-date build rewrote the archive'
assert its.sha256(first) == its.sha256(kept)
File installed = new File(localRepositoryPath, 'it/ferm/incremental/1.0/incremental-1.0-ferm.tar.gz')
assert installed.isFile() && its.sha256(installed) == its.sha256(kept), 'the up-to-date archive was not attached'
assert new File(snapshots, 'after-failure.txt').text == 'nothing', 'the failed build left its archive or its record'
its.assertNoStackTrace(steps.join())
true
