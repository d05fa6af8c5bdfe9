// Two builds of the same inputs give byte-identical archives.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
File first = new File(basedir, 'target/reproducible-1.0-first.tar.gz')
File second = new File(basedir, 'target/reproducible-1.0-second.tar.gz')
assert its.buildLog(basedir).count('BUILD SUCCESS') == 2, 'two separate builds expected'
assert first.isFile() && second.isFile()
assert its.sha256(first) == its.sha256(second)
assert its.tarEntries(first)*.name.contains('ferm.d/20-in.docker.shop.ferm')
true
