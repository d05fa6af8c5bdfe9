// The installed plugin jar, as a user's Eclipse and the site read it: m2e knows what to do with every goal,
// and every parameter has a description for the goal pages and ferm:help.
import groovy.xml.XmlSlurper
import java.util.zip.ZipFile

def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
File jar = new File(localRepositoryPath,
        "io/github/fermmavenplugin/ferm-maven-plugin/${projectVersion}/ferm-maven-plugin-${projectVersion}.jar")
new ZipFile(jar).withCloseable { zip ->
    def entry = { String name ->
        assert zip.getEntry(name) != null, "${jar.name} has no ${name}"
        zip.getInputStream(zip.getEntry(name))
    }
    def plugin = new XmlSlurper().parse(entry('META-INF/maven/plugin.xml'))
    def m2e = new XmlSlurper().parse(entry('META-INF/m2e/lifecycle-mapping-metadata.xml'))

    List<String> goals = plugin.mojos.mojo.goal*.text().sort()
    List<String> mapped = m2e.pluginExecutions.pluginExecution.pluginExecutionFilter.goals.goal*.text().sort()
    assert goals.contains('bundle') && goals.contains('help')
    assert mapped == goals, "every goal needs exactly one m2e mapping: goals ${goals}, mapped ${mapped}"

    List<String> undescribed = plugin.mojos.mojo.collectMany { mojo ->
        mojo.parameters.parameter.findAll { !it.description.text().trim() }.collect { "${mojo.goal}: ${it.name}" }
    }
    assert undescribed.isEmpty(), "parameters without a description (javadoc) for the goal pages: ${undescribed}"
}
String log = its.buildLog(basedir)
assert log.contains('ferm:aggregate') && log.contains('ferm:check')
its.assertNoStackTrace(log)
true
