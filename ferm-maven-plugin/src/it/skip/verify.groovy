// -Dferm.skip=true: the goal says so and does nothing.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
String log = its.buildLog(basedir)
assert log.contains('[INFO] Skipping: ferm.skip is set; no archive is attached.')
assert log.contains('BUILD SUCCESS')
its.assertNoBundle(basedir)
true
