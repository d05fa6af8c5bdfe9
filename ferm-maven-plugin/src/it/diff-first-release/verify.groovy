// Nothing released yet: the diff says so and passes, even with failOnWidening.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
def log = its.buildLog(basedir)
assert log.contains('ferm:diff it.ferm.released:brand-new:pom:2.0: first release, no earlier released bundle to compare with.')
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/ferm-diff.txt').text.contains('first release')
true
