// -Dferm.skip: the log says that nothing is attached, not even the archive an earlier build left in target/.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
String log = its.buildLog(basedir)
assert log.contains('[INFO] Skipping: ferm.skip is set; no archive is attached.'
        + ' target/skip-old-archive-1.0-ferm.tar.gz, left by an earlier build, is not attached either.')
assert log.count('BUILD SUCCESS') == 2
assert new File(basedir, 'target/skip-old-archive-1.0-ferm.tar.gz').isFile(), 'skip must not delete the old archive'
File installed = new File(localRepositoryPath, 'it/ferm/skip-old-archive/1.0')
assert new File(installed, 'skip-old-archive-1.0.pom').isFile(), 'install should have run'
assert !new File(installed, 'skip-old-archive-1.0-ferm.tar.gz').exists(), 'the skipped build attached the old archive'
true
