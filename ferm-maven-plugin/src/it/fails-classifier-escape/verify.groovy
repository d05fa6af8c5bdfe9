// A classifier with '/' and '..' would put the archive outside target/: refused before anything is written.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
String log = its.buildLog(basedir)
assert log.contains("[ERROR] Failed to execute goal io.github.fermmavenplugin:ferm-maven-plugin:")
assert log.contains("ferm.classifier 'x/../../y' is not a Maven classifier. Use letters, digits, '_', '-' and '.' only, like ferm.")
its.assertNoStackTrace(log)
its.assertNoBundle(basedir)
[basedir, basedir.parentFile, basedir.parentFile.parentFile].each { dir ->
    assert !(dir.list() ?: []).any { it.endsWith('.tar.gz') }, "no archive expected in ${dir}"
}
true
