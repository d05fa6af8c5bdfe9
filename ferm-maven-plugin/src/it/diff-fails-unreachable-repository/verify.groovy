// The repository does not answer: no "first release", but an error naming it.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
def log = its.buildLog(basedir)
assert log.contains('Cannot list the released versions of it.ferm.released:unreachable')
assert log.contains('down (http://127.0.0.1:9/releases')
assert !log.contains('first release')
assert !new File(basedir, 'target/ferm-diff.txt').exists()
true
