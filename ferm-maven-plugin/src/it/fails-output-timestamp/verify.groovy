// An outputTimestamp a tar header cannot hold is a user error, reported before the descriptor is read.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
String log = its.buildLog(basedir)
assert log.contains("[ERROR] Failed to execute goal io.github.fermmavenplugin:ferm-maven-plugin:")
assert log.contains("outputTimestamp '99999999999' is invalid: it is outside what a tar header holds (1970-01-01T00:00:00Z to 2242-03-16T12:56:31Z)")
assert !log.contains('exposed but closed') && !log.contains('IPv6 ingress rules'), 'the analysis must not run'
assert !log.contains('defect')
its.assertNoStackTrace(log)
its.assertNoBundle(basedir)
true
